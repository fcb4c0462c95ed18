-- Plain-language instructions: what a merchant was shown and may confirm within a few minutes. Only the token's hash
-- is kept; the items hold encrypted phone numbers, never the instruction's text.
create table instruction_confirmation (
    token_hash      text        primary key,
    merchant_id     bigint      not null references merchant (id),
    -- [{"phoneCipher": base64, "faceValue": fen, "price": fen}, ...] in the instruction's order
    items           jsonb       not null,
    total_price     bigint      not null check (total_price > 0),
    notify_url      text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED')),
    order_id_prefix text,
    order_ids       text[],
    confirmed_at    timestamptz,
    check ((status = 'CONFIRMED') = (confirmed_at is not null and order_ids is not null and order_id_prefix is not null))
);
create index instruction_confirmation_expiry on instruction_confirmation (expires_at) where status = 'OPEN';
create index instruction_confirmation_confirmed on instruction_confirmation (confirmed_at) where status = 'CONFIRMED';
