import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'

/**
 * The compression under share links: raw deflate, then base64url (RFC 4648 §5, no padding), so the result
 * can sit in a URL fragment as it is. Decoding returns a result, never throws: links come from anywhere.
 *
 * @example
 * decodeText(encodeText('kind: Pod')) // { ok: true, text: 'kind: Pod' }
 */
export function encodeText(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }))
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string }

export function decodeText(encoded: string): DecodeResult {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded))
    return { ok: false, reason: 'the link holds characters a kubeplay link never has' }
  let bytes: Uint8Array
  try {
    bytes = fromBase64Url(encoded)
  } catch {
    return { ok: false, reason: 'the link is not valid base64url' }
  }
  try {
    return { ok: true, text: strFromU8(inflateSync(bytes)) }
  } catch {
    return { ok: false, reason: 'the link is damaged or cut short (it does not decompress)' }
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(s: string): Uint8Array {
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
