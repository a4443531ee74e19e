/**
 * Name validation with the API server's own messages (`apimachinery/pkg/util/validation/validation.go`:
 * `IsDNS1123Subdomain`, `IsDNS1123Label`, `IsDNS1035Label`, `IsValidPortName`, `IsValidPortNum`).
 * Each function returns the messages for a bad value, `[]` for a good one.
 */

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`
const DNS1035 = '[a-z]([-a-z0-9]*[a-z0-9])?'

const maxLen = (n: number): string => `must be no more than ${n} characters`

/** `IsDNS1123Subdomain`: object names of most kinds (Pod, Deployment, Job, …). */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push(maxLen(253))
  if (!new RegExp(`^${SUBDOMAIN}$`).test(value))
    errs.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN}')`,
    )
  return errs
}

/** `IsDNS1123Label`: container names, Namespace names. */
export function dns1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLen(63))
  if (!new RegExp(`^${LABEL}$`).test(value))
    errs.push(
      `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '${LABEL}')`,
    )
  return errs
}

/** `IsDNS1035Label`: Service names. */
export function dns1035Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLen(63))
  if (!new RegExp(`^${DNS1035}$`).test(value))
    errs.push(
      `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '${DNS1035}')`,
    )
  return errs
}

/** `IsValidPortName`: an IANA_SVC_NAME (container port names, named probe ports). */
export function portName(value: string): string[] {
  const errs: string[] = []
  if (value.length > 15) errs.push(maxLen(15))
  if (!/^[-a-z0-9]+$/.test(value))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)')
  if (value.includes('--')) errs.push('must not contain consecutive hyphens')
  if (value.length > 0 && (value.startsWith('-') || value.endsWith('-')))
    errs.push('must not begin or end with a hyphen')
  return errs
}

/** `IsValidPortNum`. */
export function portNumber(value: number): string[] {
  return value >= 1 && value <= 65535 ? [] : ['must be between 1 and 65535, inclusive']
}

/** Which name rule the API server applies to `metadata.name` of a kind (undefined: not checked here). */
export function nameRuleOf(kind: string): ((name: string) => string[]) | undefined {
  switch (kind) {
    case 'Service':
      return dns1035Label
    case 'Namespace':
      return dns1123Label
    case 'Pod':
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob':
    case 'ConfigMap':
    case 'Secret':
    case 'ServiceAccount':
    case 'Node':
      return dns1123Subdomain
    default:
      return undefined
  }
}

/** Go's `%q` of a string, as `field.Invalid` prints a string value. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}
