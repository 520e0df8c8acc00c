/** Plans and their copies write numbers in full-width digits (`１２`) as often as in ASCII. */

const FULL_WIDTH_DIGIT = /[０-９]/gu;
const FULL_WIDTH_ZERO = 0xff10;
const ASCII_ZERO = 0x30;

/** `１２` → `12`; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - FULL_WIDTH_ZERO + ASCII_ZERO));
}
