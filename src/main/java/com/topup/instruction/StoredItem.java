package com.topup.instruction;

/** An item of a confirmation as stored: the E.164 number encrypted (base64 of {@code PhoneCrypto} output). */
record StoredItem(String phoneCipher, long faceValue, long price) {
}
