/**
 * π to `digits` significant digits, as Perl's `bpi(digits)` (Math::BigFloat) prints it: "3." followed by
 * digits-1 decimals, the last one rounded. Exact bigint arithmetic (Machin's formula), no floats.
 */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(Math.trunc(digits), 100_000))
  const guard = 10
  const unity = 10n ** BigInt(n - 1 + guard)
  const arctanInv = (x: bigint): bigint => {
    // arctan(1/x) × unity = Σ (-1)^k / ((2k+1) x^(2k+1))
    let term = unity / x
    const x2 = x * x
    let sum = term
    let k = 1n
    while (term !== 0n) {
      term /= x2
      const t = term / (2n * k + 1n)
      sum += k % 2n === 1n ? -t : t
      k++
    }
    return sum
  }
  const pi = 16n * arctanInv(5n) - 4n * arctanInv(239n)
  const scale = 10n ** BigInt(guard)
  const rounded = (pi + scale / 2n) / scale
  const s = rounded.toString()
  return n === 1 ? s : `${s.slice(0, 1)}.${s.slice(1)}`
}
