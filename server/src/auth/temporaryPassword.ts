import { randomInt } from "node:crypto";

/** No 0/O, 1/l/I: an admin reads it out or copies it by hand. */
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

/**
 * A one-time password for a new or reset account: 14 random characters, always with a letter and a
 * digit so it meets the password rule. The holder must change it at first sign-in.
 */
export function newTemporaryPassword(): string {
  for (;;) {
    let password = "";
    for (let index = 0; index < 14; index += 1) password += alphabet[randomInt(alphabet.length)];
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
