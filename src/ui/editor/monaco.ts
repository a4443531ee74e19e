import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { configureMonacoYaml } from 'monaco-yaml'
import { registerBehaviorSupport } from './behavior-support'
import { SCHEMA_URI, scenarioFileSchema } from './schema'
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

// The schema brings completion, hover and validation of every Kubernetes kind kubeplay knows, picked per
// document by kind; its markers (owner "yaml") sit beside the engine's (owner "kubeplay"), which know what a
// schema cannot (selectors, probe ports, behavior annotations, the timeline's targets).
configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  // yaml-language-server's option: no "Source: kubeplay-kubernetes.json" link (the schema is bundled).
  hoverSchemaSource: false,
  schemas: [{ uri: SCHEMA_URI, fileMatch: [String(MODEL_URI)], schema: scenarioFileSchema() }],
})

registerBehaviorSupport(monaco)

/** The editor's colour theme: the one place the light and dark themes of the page switch Monaco. */
export type EditorTheme = 'light' | 'dark'
const MONACO_THEMES: Record<EditorTheme, string> = { light: 'vs', dark: 'vs-dark' }
export function monacoTheme(theme: EditorTheme): string {
  return MONACO_THEMES[theme]
}
export function setEditorTheme(theme: EditorTheme): void {
  monaco.editor.setTheme(MONACO_THEMES[theme])
}

export { monaco }
