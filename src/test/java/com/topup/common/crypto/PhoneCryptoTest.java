package com.topup.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhoneCryptoTest {

    private static final byte[] PHONE_KEY = bytes(0);
    private static final byte[] HASH_KEY = bytes(32);
    private static final String PHONE = "+8613800138000";

    private final PhoneCrypto crypto = new PhoneCrypto(1, PHONE_KEY, HASH_KEY);

    @Test
    void decryptsWhatItEncrypted() {
        assertEquals(PHONE, crypto.decrypt(crypto.encrypt(PHONE)));
    }

    @Test
    void sameNumberGivesDifferentCiphertexts() {
        assertFalse(Arrays.equals(crypto.encrypt(PHONE), crypto.encrypt(PHONE)));
    }

    @Test
    void ciphertextStartsWithKeyVersionAndCarriesIvAndTag() {
        byte[] sealed = new PhoneCrypto(7, PHONE_KEY, HASH_KEY).encrypt(PHONE);
        assertEquals(7, sealed[0]);
        assertEquals(1 + 12 + PHONE.length() + 16, sealed.length);
    }

    @Test
    void refusesTamperedCiphertext() {
        byte[] sealed = crypto.encrypt(PHONE);
        for (int index : new int[] {1, 13, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[index] ^= 1;
            assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(tampered), "byte " + index);
        }
    }

    @Test
    void refusesTruncatedCiphertext() {
        byte[] sealed = crypto.encrypt(PHONE);
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(Arrays.copyOf(sealed, 20)));
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(Arrays.copyOf(sealed, sealed.length - 1)));
    }

    @Test
    void refusesCiphertextOfAnotherKeyVersion() {
        byte[] sealed = new PhoneCrypto(2, PHONE_KEY, HASH_KEY).encrypt(PHONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(sealed));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void refusesCiphertextOfAnotherKey() {
        byte[] sealed = new PhoneCrypto(1, bytes(64), HASH_KEY).encrypt(PHONE);
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt(sealed));
    }

    @Test
    void hashIsLowercaseHexHmacSha256() {
        // Reference value computed independently: HMAC-SHA256(key = bytes 32..63, "+8613800138000").
        assertEquals("04ab5adedc05af5dd691be6ba82de089e3588afe29da71d073cdefee1c8dbe64", crypto.hash(PHONE));
    }

    @Test
    void hashIsStableAndDistinguishesNumbers() {
        assertEquals(crypto.hash(PHONE), new PhoneCrypto(1, PHONE_KEY, HASH_KEY).hash(PHONE));
        assertNotEquals(crypto.hash(PHONE), crypto.hash("+8613800138001"));
        assertNotEquals(crypto.hash(PHONE), new PhoneCrypto(1, PHONE_KEY, bytes(64)).hash(PHONE));
    }

    @Test
    void isSafeToShareBetweenThreads() {
        String expectedHash = crypto.hash(PHONE);
        IntStream.range(0, 2_000).parallel().forEach(i -> {
            String phone = "+86138001" + String.format("%05d", i);
            assertEquals(phone, crypto.decrypt(crypto.encrypt(phone)));
            assertEquals(expectedHash, crypto.hash(PHONE));
        });
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        IllegalStateException shortPhoneKey = assertThrows(IllegalStateException.class,
                () -> new PhoneCrypto(1, Arrays.copyOf(PHONE_KEY, 16), HASH_KEY));
        assertTrue(shortPhoneKey.getMessage().contains("topup.crypto.phone-key"), shortPhoneKey.getMessage());
        IllegalStateException shortHashKey = assertThrows(IllegalStateException.class,
                () -> new PhoneCrypto(1, PHONE_KEY, Arrays.copyOf(HASH_KEY, 31)));
        assertTrue(shortHashKey.getMessage().contains("topup.crypto.hash-key"), shortHashKey.getMessage());
        assertThrows(IllegalStateException.class, () -> new PhoneCrypto(1, PHONE_KEY, PHONE_KEY));
        assertThrows(IllegalStateException.class, () -> new PhoneCrypto(256, PHONE_KEY, HASH_KEY));
    }

    @Test
    void readsBase64KeysFromConfiguration() {
        PhoneCrypto configured = new PhoneCrypto(config(base64(PHONE_KEY), base64(HASH_KEY)));
        assertEquals(crypto.hash(PHONE), configured.hash(PHONE));
        assertEquals(PHONE, crypto.decrypt(configured.encrypt(PHONE)));
    }

    @Test
    void explainsMissingOrMalformedKeys() {
        IllegalStateException blank = assertThrows(IllegalStateException.class,
                () -> new PhoneCrypto(config(" ", base64(HASH_KEY))));
        assertEquals("topup.crypto.phone-key is not set", blank.getMessage());
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class,
                () -> new PhoneCrypto(config(base64(PHONE_KEY), "not base64!")));
        assertEquals("topup.crypto.hash-key is not valid base64", notBase64.getMessage());
    }

    private static CryptoConfig config(String phoneKey, String hashKey) {
        return new CryptoConfig() {
            @Override
            public String phoneKey() {
                return phoneKey;
            }

            @Override
            public int phoneKeyVersion() {
                return 1;
            }

            @Override
            public String hashKey() {
                return hashKey;
            }
        };
    }

    private static byte[] bytes(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
