/**
 * Generates `kubernetes.json`, the JSON schemas the editor validates, completes and documents Kubernetes
 * objects with, from the pinned dev dependency `kubernetes-models` (its type declarations are generated
 * from the Kubernetes OpenAPI spec and keep every field's description from the API docs).
 *
 *   npm run gen:schemas            writes src/ui/editor/schema/kubernetes.json
 *   npm run gen:schemas -- --check exits 1 when the committed file differs from what would be generated
 *
 * Only the kinds kubeplay knows (src/engine/model/kinds.ts) and the types they reach are kept, so the
 * schema stays small enough to ship in the lazily loaded editor chunk.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { KINDS } from '../../../engine/model/kinds'
import type { JsonSchema } from './types'

/**
 * The Kubernetes release whose API the schemas describe. kubernetes-models merges several releases'
 * OpenAPI specs (for removed APIs) and takes its newest definitions from the latest one; for 5.1.0 that
 * is 1.34, which {@link checkRelease} verifies, so bumping the package without this fails loudly.
 */
export const SCHEMA_KUBERNETES_VERSION = '1.34'

/** Fields and files that tell 1.34's API from 1.33's and 1.35's. */
function checkRelease(pkgDir: string, definitions: Record<string, JsonSchema>): void {
  const container = definitions['io.k8s.api.core.v1.Container']?.properties as Record<string, unknown>
  const podSpec = definitions['io.k8s.api.core.v1.PodSpec']?.properties as Record<string, unknown>
  // New in 1.34: Container.restartPolicyRules and PodSpec.hostnameOverride (both alpha).
  const has134 = 'restartPolicyRules' in container && 'hostnameOverride' in podSpec
  // New in 1.35: the scheduling.k8s.io/v1alpha1 Workload API.
  const has135 = existsSync(join(pkgDir, 'scheduling.k8s.io/v1alpha1/Workload.d.ts'))
  if (!has134 || has135)
    throw new Error(
      `kubernetes-models does not describe Kubernetes ${SCHEMA_KUBERNETES_VERSION} (1.34 fields: ${has134}, 1.35 files: ${has135}): update SCHEMA_KUBERNETES_VERSION and checkRelease`,
    )
}

/** Where each kind's preferred version lives in kubernetes-models (the group/version `kubectl apply` wants today). */
const KIND_MODULES: Readonly<Record<string, string>> = {
  Pod: 'v1/Pod',
  Deployment: 'apps/v1/Deployment',
  ReplicaSet: 'apps/v1/ReplicaSet',
  StatefulSet: 'apps/v1/StatefulSet',
  DaemonSet: 'apps/v1/DaemonSet',
  Job: 'batch/v1/Job',
  CronJob: 'batch/v1/CronJob',
  Service: 'v1/Service',
  Endpoints: 'v1/Endpoints',
  EndpointSlice: 'discovery.k8s.io/v1/EndpointSlice',
  Namespace: 'v1/Namespace',
  Node: 'v1/Node',
  ConfigMap: 'v1/ConfigMap',
  Secret: 'v1/Secret',
  ServiceAccount: 'v1/ServiceAccount',
  PersistentVolumeClaim: 'v1/PersistentVolumeClaim',
  PersistentVolume: 'v1/PersistentVolume',
  StorageClass: 'storage.k8s.io/v1/StorageClass',
  ResourceQuota: 'v1/ResourceQuota',
  LimitRange: 'v1/LimitRange',
  PodDisruptionBudget: 'policy/v1/PodDisruptionBudget',
  HorizontalPodAutoscaler: 'autoscaling/v2/HorizontalPodAutoscaler',
  Ingress: 'networking.k8s.io/v1/Ingress',
  IngressClass: 'networking.k8s.io/v1/IngressClass',
  NetworkPolicy: 'networking.k8s.io/v1/NetworkPolicy',
  PriorityClass: 'scheduling.k8s.io/v1/PriorityClass',
  RuntimeClass: 'node.k8s.io/v1/RuntimeClass',
  Role: 'rbac.authorization.k8s.io/v1/Role',
  RoleBinding: 'rbac.authorization.k8s.io/v1/RoleBinding',
  ClusterRole: 'rbac.authorization.k8s.io/v1/ClusterRole',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1/CustomResourceDefinition',
}

/** Kinds of kinds.ts that are not Kubernetes API kinds: their schemas are kubeplay's own (kubeplay.ts). */
const NOT_KUBERNETES = new Set(['Scenario'])

export interface GeneratedSchemas {
  readonly kubernetesVersion: string
  readonly source: string
  /** Kind → its apiVersion and the definition that describes it. */
  readonly kinds: Record<string, { apiVersion: string; ref: string }>
  readonly definitions: Record<string, JsonSchema>
}

const here = dirname(fileURLToPath(import.meta.url))
export const OUTPUT = join(here, 'kubernetes.json')

/** Reads kubernetes-models' declarations and returns the schemas of the kinds kubeplay knows. */
export function generateSchemas(): GeneratedSchemas {
  const require = createRequire(import.meta.url)
  const pkgJson = require.resolve('kubernetes-models/package.json')
  const pkgDir = dirname(pkgJson)
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version
  const kinds = Object.keys(KINDS).filter((k) => !NOT_KUBERNETES.has(k))
  const missing = kinds.filter((k) => !KIND_MODULES[k])
  if (missing.length > 0) throw new Error(`no kubernetes-models module for kind(s): ${missing.join(', ')}`)

  const files = kinds.map((k) => join(pkgDir, `${KIND_MODULES[k]}.d.ts`))
  const program = ts.createProgram(files, {
    strict: false,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  })
  const checker = program.getTypeChecker()
  const definitions: Record<string, JsonSchema> = {}
  const nodeModules = dirname(pkgDir)

  /** `io.k8s.api.apps.v1.DeploymentSpec` from …/kubernetes-models/apps/v1/DeploymentSpec.d.ts. */
  const definitionName = (decl: ts.Declaration, typeName: string): string => {
    const rel = relative(nodeModules, decl.getSourceFile().fileName).replace(/\\/g, '/')
    const parts = rel.replace(/\.d\.ts$/, '').split('/')
    const name = typeName.replace(/^I(?=[A-Z])/, '')
    if (parts[0] === '@kubernetes-models' && parts[1] === 'apimachinery') {
      const path = parts.slice(2, -1)
      return ['io.k8s.apimachinery.pkg', ...path, name].join('.')
    }
    const path = parts.slice(1, -1)
    const group = path.length === 1 ? 'core' : path[0]!.replace(/\.k8s\.io$/, '')
    return ['io.k8s.api', group, path[path.length - 1], name].join('.')
  }

  /** `DeploymentSpec (apps/v1)`, `PodSpec (v1)`, `ObjectMeta (meta/v1)`: hover shows it as the heading. */
  const titleOf = (name: string): string => {
    const parts = name.split('.')
    const [group, version, type] = parts.slice(-3)
    return `${type} (${group === 'core' ? version : `${group}/${version}`})`
  }

  const docOf = (sym: ts.Symbol | undefined): string | undefined => {
    if (!sym) return undefined
    const text = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim()
    return text === '' ? undefined : text
  }

  const withDoc = (schema: JsonSchema, doc: string | undefined): JsonSchema =>
    doc === undefined ? schema : { ...schema, description: doc }

  const schemaOf = (type: ts.Type): JsonSchema => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {}
    if (type.flags & ts.TypeFlags.StringLiteral)
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] }
    if (type.flags & ts.TypeFlags.String) return { type: 'string' }
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' }
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' }
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)))
      if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' }
      if (members.every((t) => t.flags & ts.TypeFlags.StringLiteral))
        return { type: 'string', enum: members.map((t) => (t as ts.StringLiteralType).value) }
      if (members.length === 1) return schemaOf(members[0]!)
      const types = [...new Set(members.map((t) => schemaOf(t).type as string))].sort()
      // IntOrString and Quantity: a number or a string, documented by their alias.
      return withDoc({ type: types }, docOf(type.aliasSymbol))
    }
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference)
      return { type: 'array', items: item ? schemaOf(item) : {} }
    }
    if (type.flags & ts.TypeFlags.Object) {
      const props = checker.getPropertiesOfType(type)
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
      const sym = type.getSymbol()
      const decl = sym?.declarations?.[0]
      if (
        props.length > 0 &&
        sym &&
        decl &&
        (ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl))
      ) {
        const name = definitionName(decl, sym.getName())
        if (!(name in definitions)) {
          definitions[name] = {} // placeholder: recursive types (JSONSchemaProps) refer to themselves
          definitions[name] = { title: titleOf(name), ...objectSchema(type, docOf(sym)) }
        }
        return { $ref: `#/definitions/${name}` }
      }
      if (props.length > 0) return objectSchema(type, undefined)
      if (index) return { type: 'object', additionalProperties: schemaOf(index.type) }
      return withDoc({ type: 'object' }, docOf(sym))
    }
    throw new Error(`no JSON schema for type ${checker.typeToString(type)}`)
  }

  const objectSchema = (type: ts.Type, doc: string | undefined): JsonSchema => {
    const properties: Record<string, JsonSchema> = {}
    const required: string[] = []
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0]
      if (!decl) continue
      const name = prop.getName()
      properties[name] = withDoc(schemaOf(checker.getTypeOfSymbolAtLocation(prop, decl)), docOf(prop))
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(name)
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
    return {
      ...(doc ? { description: doc } : {}),
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      // Unknown fields are what `kubectl apply` (strict field validation) refuses.
      additionalProperties: index ? schemaOf(index.type) : false,
    }
  }

  const out: Record<string, { apiVersion: string; ref: string }> = {}
  for (const kind of kinds) {
    const file = program.getSourceFile(join(pkgDir, `${KIND_MODULES[kind]}.d.ts`))
    const moduleSym = file && checker.getSymbolAtLocation(file)
    const iface = moduleSym && checker.getExportsOfModule(moduleSym).find((s) => s.getName() === `I${kind}`)
    if (!iface) throw new Error(`kubernetes-models has no I${kind} in ${KIND_MODULES[kind]}`)
    const type = checker.getDeclaredTypeOfSymbol(iface)
    const ref = schemaOf(type).$ref as string
    const api = checker.getPropertyOfType(type, 'apiVersion')
    const apiType = api && checker.getTypeOfSymbolAtLocation(api, api.valueDeclaration!)
    if (!apiType || !(apiType.flags & ts.TypeFlags.StringLiteral))
      throw new Error(`I${kind}.apiVersion is not a literal`)
    out[kind] = { apiVersion: (apiType as ts.StringLiteralType).value, ref }
  }

  checkRelease(pkgDir, definitions)
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)))
  return {
    kubernetesVersion: SCHEMA_KUBERNETES_VERSION,
    source: `kubernetes-models@${version}`,
    kinds: out,
    definitions: sorted,
  }
}

/** The file's text: indented, so a regeneration's diff shows what changed (prettier leaves it alone). */
export function formatSchemas(schemas: GeneratedSchemas): string {
  return `${JSON.stringify(schemas, null, 2)}\n`
}

function main(): void {
  const text = formatSchemas(generateSchemas())
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8')
    if (current !== text) {
      console.error(`${relative(process.cwd(), OUTPUT)} is out of date: run npm run gen:schemas`)
      process.exit(1)
    }
    console.log(`${relative(process.cwd(), OUTPUT)} is up to date`)
    return
  }
  writeFileSync(OUTPUT, text)
  console.log(`wrote ${relative(process.cwd(), OUTPUT)} (${(text.length / 1024).toFixed(0)} kB)`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
