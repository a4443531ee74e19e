/**
 * The one JSON schema the editor's YAML language service uses for the scenario file. monaco-yaml applies
 * one schema per file and validates each `---` document against it on its own, so the schema picks the
 * right definition per document: an `if kind = X then X's schema` branch for every kind kubeplay knows,
 * Kubernetes kinds from the generated kubernetes.json, plus kubeplay's Scenario and `kind: List`.
 */
import { BEHAVIOR_ANNOTATION } from '../../../engine/container/behavior-keys'
import { BEHAVIOR_DOC } from '../behavior-docs'
import generated from './kubernetes.json'
import { SCENARIO_API_VERSION, SCENARIO_DEFINITION, scenarioSchema } from './scenario'
import type { JsonSchema } from './types'

/** The Kubernetes release the bundled schemas describe (named in the UI; kubeplay models v1.35). */
export const SCHEMA_KUBERNETES_VERSION: string = generated.kubernetesVersion
/** Where they come from: the npm package they are generated from. */
export const SCHEMA_SOURCE: string = generated.source

/** The schema's id; with schema requests disabled it is never fetched. */
export const SCHEMA_URI = 'file:///schemas/kubeplay-kubernetes.json'

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'

/**
 * `kind` is X. Written as an allOf so that no single subschema both lists `kind` and requires it: for
 * such a schema yaml-language-server proposes a whole-object skeleton, one per kind, on every new line.
 */
function kindIs(kind: string): JsonSchema {
  return { allOf: [{ required: ['kind'] }, { properties: { kind: { const: kind } } }] }
}

function kindBranch(kind: string, ref: string): JsonSchema {
  return { if: kindIs(kind), then: { $ref: ref } }
}

/** ObjectMeta with the behavior annotation documented (its value is YAML that the engine checks). */
function withBehaviorAnnotation(meta: JsonSchema): JsonSchema {
  const props = meta.properties as Record<string, JsonSchema>
  const annotations = props.annotations ?? {}
  return {
    ...meta,
    properties: {
      ...props,
      annotations: {
        ...annotations,
        properties: {
          [BEHAVIOR_ANNOTATION]: {
            type: 'string',
            markdownDescription: BEHAVIOR_DOC,
            defaultSnippets: [
              {
                label: BEHAVIOR_ANNOTATION,
                description: 'How the simulated containers behave',
                body: '|\n  ${1:container}:\n    startSeconds: ${2:5}\n',
              },
            ],
          },
        },
      },
    },
  }
}

/** Builds the schema (a fresh object each call). */
export function scenarioFileSchema(): JsonSchema {
  const kinds = generated.kinds as Record<string, { apiVersion: string; ref: string }>
  const definitions: Record<string, JsonSchema> = { ...(generated.definitions as Record<string, JsonSchema>) }
  definitions[OBJECT_META] = withBehaviorAnnotation(definitions[OBJECT_META]!)
  definitions[SCENARIO_DEFINITION] = scenarioSchema
  const apiVersions = [...new Set(Object.values(kinds).map((k) => k.apiVersion))].sort()
  const kindNames = Object.keys(kinds)
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URI,
    title: `Kubernetes ${SCHEMA_KUBERNETES_VERSION} API`,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: {
        type: 'string',
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.',
        // Examples, not an enum: custom resources have their own groups.
        examples: [...apiVersions, SCENARIO_API_VERSION],
      },
      kind: {
        type: 'string',
        description:
          'Kind is a string value representing the REST resource this object represents. In CamelCase.',
        examples: [...kindNames, 'Scenario', 'List'],
      },
      // Every kind has it; offered before `kind` is written.
      metadata: { $ref: `#/definitions/${OBJECT_META}` },
    },
    allOf: [
      ...kindNames.map((k) => kindBranch(k, kinds[k]!.ref)),
      kindBranch('Scenario', `#/definitions/${SCENARIO_DEFINITION}`),
      {
        if: kindIs('List'),
        then: {
          properties: {
            apiVersion: { type: 'string', enum: ['v1'] },
            items: { type: 'array', description: 'The objects of the list.', items: { $ref: '#' } },
          },
        },
      },
    ],
    definitions,
  }
}
