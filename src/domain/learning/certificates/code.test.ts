/** Certificate codes: only codes made with the key pass, whatever is changed, cut or invented. */
import { describe, expect, it } from 'vitest'

import { base32, certificateKey, checkCode, codeFor, newCertificateCode } from './code'

const key = certificateKey('one secret for the tests')
const otherKey = certificateKey('another secret')
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

describe('certificate codes', () => {
  it('look like RND-<8 base32>-<16 base32> and check with their key', () => {
    const code = newCertificateCode(key)
    expect(code).toMatch(/^RND-[0-9A-HJKMNP-TV-Z]{8}-[0-9A-HJKMNP-TV-Z]{16}$/)
    expect(checkCode(code, key)).toBe(code)
    expect(newCertificateCode(key)).not.toBe(code)
  })

  it('are the same for the same serial and key, and differ under another key', () => {
    expect(codeFor('ABCDEFGH', key)).toBe(codeFor('ABCDEFGH', key))
    expect(codeFor('ABCDEFGH', key)).not.toBe(codeFor('ABCDEFGH', otherKey))
    expect(checkCode(codeFor('ABCDEFGH', otherKey), key)).toBeNull()
    expect(checkCode(newCertificateCode(otherKey), key)).toBeNull()
  })

  it('fail when any one character of the serial or the MAC is changed', () => {
    const code = newCertificateCode(key)
    for (let i = 4; i < code.length; i++) {
      if (code[i] === '-') continue
      const replacement = ALPHABET[(ALPHABET.indexOf(code[i]) + 1 + Math.floor(Math.random() * 30)) % 32]
      const tampered = code.slice(0, i) + replacement + code.slice(i + 1)
      expect(checkCode(tampered, key), tampered).toBeNull()
    }
  })

  it('fail when cut short, lengthened, or in another format', () => {
    const code = newCertificateCode(key)
    expect(checkCode(code.slice(0, -1), key)).toBeNull()
    expect(checkCode(code.slice(0, 12), key)).toBeNull()
    expect(checkCode(`${code}0`, key)).toBeNull()
    expect(checkCode(code.replace('RND-', 'RDN-'), key)).toBeNull()
    expect(checkCode(code.replace(/-/g, ''), key)).toBeNull()
    expect(checkCode(code.replace(/0/g, 'O'), key)).toBe(code.includes('0') ? null : code)
    for (const bad of ['', 'RND--', 'hello', '../../etc/passwd', 'RND-00000000-0000000000000000', null, undefined, 42, 'x'.repeat(10_000)]) {
      expect(checkCode(bad, key)).toBeNull()
    }
  })

  it('ignore case and surrounding spaces, and give back the canonical form', () => {
    const code = newCertificateCode(key)
    expect(checkCode(code.toLowerCase(), key)).toBe(code)
    expect(checkCode(`  ${code}\n`, key)).toBe(code)
  })

  it('encode base32 the Crockford way', () => {
    expect(base32(new Uint8Array([0, 0, 0, 0, 0]))).toBe('00000000')
    expect(base32(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZZZZZ')
    expect(base32(new Uint8Array([0x84, 0x21, 0x08, 0x42, 0x10]))).toBe('GGGGGGGG')
  })
})
