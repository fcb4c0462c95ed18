package com.topup.merchant;

import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Opens merchant accounts (with their balance account) and lists them for staff. */
@ApplicationScoped
public class MerchantAccountService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");

    private final MerchantSecretCipher cipher;
    private final LedgerService ledger;
    private final Sql sql;
    private final AuditTrail audit;

    public MerchantAccountService(MerchantSecretCipher cipher, LedgerService ledger, Sql sql, AuditTrail audit) {
        this.audit = audit;
        this.cipher = cipher;
        this.ledger = ledger;
        this.sql = sql;
    }

    /** Creates the merchant unless one with this code exists; credits the opening balance once. */
    @Transactional
    public Merchant open(String code, String name, String secret, int priceRateBp, long openingBalance) {
        openIfNew(code, name, secret, priceRateBp, openingBalance);
        return Merchant.<Merchant>find("code", code).singleResult();
    }

    /** True when this call created the merchant. */
    private boolean openIfNew(String code, String name, String secret, int priceRateBp, long openingBalance) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiException(400, "INVALID_REQUEST", "Merchant code must be 2-64 of [a-z0-9_-]");
        }
        if (secret == null || secret.length() < 16 || secret.length() > 128) {
            throw new ApiException(400, "INVALID_REQUEST", "Secret must be 16 to 128 characters");
        }
        if (priceRateBp < 1 || priceRateBp > 20_000) {
            throw new ApiException(400, "INVALID_REQUEST", "Price rate must be 1 to 20000 basis points");
        }
        if (openingBalance < 0) {
            throw new ApiException(400, "INVALID_REQUEST", "Opening balance cannot be negative");
        }
        int inserted = sql.update("""
                insert into merchant (code, name, secret_cipher, status, price_rate_bp, tier, created_at)
                values (?, ?, ?, 'ACTIVE', ?, 'STANDARD', ?) on conflict (code) do nothing""",
                code, name == null || name.isBlank() ? code : name, cipher.encrypt(secret), priceRateBp, Instant.now());
        if (inserted == 1) {
            Merchant merchant = Merchant.<Merchant>find("code", code).singleResult();
            sql.update("insert into merchant_balance (merchant_id, opening_balance, balance) values (?, 0, 0)", merchant.id);
            if (openingBalance > 0) {
                ledger.credit(merchant.id, openingBalance, "opening balance");
            }
        }
        return inserted == 1;
    }

    /** A staff member opens an account, audited; 409 MERCHANT_EXISTS when the code is taken (nothing changes). */
    @Transactional
    public Merchant open(String code, String name, String secret, int priceRateBp, long openingBalance, Actor actor) {
        if (!openIfNew(code, name, secret, priceRateBp, openingBalance)) {
            throw new ApiException(409, "MERCHANT_EXISTS", "A merchant " + code + " exists already", Map.of("code", code));
        }
        Merchant merchant = Merchant.<Merchant>find("code", code).singleResult();
        audit.record(actor, "MERCHANT_OPENED", "merchant:" + code, null, null, String.format(
                "{\"code\":\"%s\",\"priceRateBp\":%d,\"openingBalance\":%d}", code, priceRateBp, openingBalance));
        return merchant;
    }

    /** A staff member adds money to a merchant's balance, with the reason; audited with the balance before and after. */
    @Transactional
    public MerchantSummary credit(String code, long amount, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "A credit needs a reason (the note)", Map.of("field", "note"));
        }
        long merchantId = idOf(code);
        long before = ledger.balance(merchantId);
        long after = ledger.credit(merchantId, amount, reason);
        audit.record(actor, "MERCHANT_CREDITED", "merchant:" + code, reason, "{\"balance\":" + before + "}",
                "{\"balance\":" + after + ",\"credit\":" + amount + "}");
        return summary(code);
    }

    @Transactional
    public MerchantSummary summary(String code) {
        return list().stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new ApiException(404, "MERCHANT_NOT_FOUND", "No merchant " + code));
    }

    @Transactional
    public List<MerchantSummary> list() {
        return sql.query("""
                        select m.code, m.name, m.status, m.price_rate_bp, b.balance
                        from merchant m join merchant_balance b on b.merchant_id = m.id order by m.code""",
                row -> new MerchantSummary(row.getString("code"), row.getString("name"), row.getString("status"),
                        row.getInt("price_rate_bp"), row.getLong("balance")));
    }

    /** Disables or re-enables a merchant; its requests are refused with MERCHANT_DISABLED once caches expire. */
    @Transactional
    public void setStatus(String code, MerchantStatus status) {
        int updated = sql.update("update merchant set status = ? where code = ?", status.name(), code);
        if (updated == 0) {
            throw new ApiException(404, "MERCHANT_NOT_FOUND", "No merchant " + code);
        }
    }

    @Transactional
    public long idOf(String code) {
        return Merchant.<Merchant>find("code", code).firstResultOptional()
                .map(m -> m.id)
                .orElseThrow(() -> new ApiException(404, "MERCHANT_NOT_FOUND", "No merchant " + code));
    }
}
