/** Local storage, or null where the browser refuses it (private mode, a sandboxed frame). */
export function browserStore(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
