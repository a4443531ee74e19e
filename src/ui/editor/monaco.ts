import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { configureMonacoYaml } from 'monaco-yaml'
import schema from './k8s-schema.json'
import YamlWorker from './yaml.worker?worker'

/** The one model the editor edits; the YAML language service matches its schema to this URI. */
export const MODEL_URI = monaco.Uri.parse('file:///scenario.yaml')

/** The marker owner of the engine's diagnostics (monaco-yaml owns its own). */
export const MARKER_OWNER = 'kubeplay'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker()
  },
}

// monaco-yaml 5.5 still creates its worker with the pre-0.55 `createWebWorker({ moduleId, createData })`
// call, which monaco 0.57 no longer accepts. Do the old handshake here: the worker ignores the first
// message and reads the second as its createData (as monaco's internal workers.js does).
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: { createData?: unknown }) => {
      const worker = new YamlWorker()
      worker.postMessage('ignore')
      worker.postMessage(opts.createData)
      return monaco.editor.createWebWorker({ worker })
    },
  },
} as unknown as typeof monaco

// Validation is the engine's job (its diagnostics know Kubernetes, not only YAML); the language service
// brings completion, hover and folding from the schema.
configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: false,
  completion: true,
  hover: true,
  schemas: [{ uri: schema.$id, fileMatch: [String(MODEL_URI)], schema }],
})

export { monaco }
