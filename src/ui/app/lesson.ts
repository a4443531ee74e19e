import { parseAllDocuments } from 'yaml'
import { parseDuration } from '../../engine/model/duration'
import type { Lesson } from './Gallery'

/** The lesson a scenario text describes (its Scenario document's title, description, watch, moment). */
export function lessonOf(file: string, text: string): Lesson {
  for (const doc of parseAllDocuments(text)) {
    const v = doc.toJS() as { kind?: unknown; spec?: Record<string, unknown> } | null
    if (v?.kind !== 'Scenario') continue
    const spec = v.spec ?? {}
    const moment = (spec.moment ?? {}) as { at?: unknown; select?: unknown }
    const at = parseDuration(moment.at)
    return {
      file,
      text,
      title: typeof spec.title === 'string' ? spec.title : file,
      description: typeof spec.description === 'string' ? spec.description : '',
      watch: typeof spec.watch === 'string' ? spec.watch : '',
      atS: at !== null ? at / 1000 : 0,
      ...(typeof moment.select === 'string' ? { select: moment.select } : {}),
      questions: Array.isArray(spec.quiz) ? spec.quiz.length : 0,
    }
  }
  return { file, text, title: file, description: '', watch: '', atS: 0, questions: 0 }
}
