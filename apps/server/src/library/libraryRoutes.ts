import {
  type ExerciseMeta,
  exerciseFromYaml,
  exerciseMeta,
  exerciseTitle,
  exerciseToYaml,
  type FieldProblem,
  TRAINING_DIFFICULTIES,
  TRAINING_TOPICS,
} from '@itps/scenarios';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { exerciseOf } from '../classroom/exercises.ts';
import type { ClassExercise } from '../classroom/seat.ts';
import type { ExerciseLibrary, LibraryEntry } from '../db/exerciseLibrary.ts';
import { MAX_LIBRARY_YAML_BYTES } from './checkLibraryYaml.ts';
import type { LibraryChecker } from './libraryChecker.ts';

/** A request body the library takes: the YAML with room for JSON's escapes. */
export const MAX_LIBRARY_BODY = 2 * MAX_LIBRARY_YAML_BYTES + 1024;

/** What the routes need of the server around them. */
export interface LibraryRoutesOptions {
  readonly library: ExerciseLibrary;
  /** The shipped exercises, by file: the read-only templates. */
  readonly templates: ReadonlyMap<string, ClassExercise>;
  readonly instructorOnly: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  /** Where an exercise's YAML is checked before a save (a worker thread in the server). */
  readonly checker: LibraryChecker;
}

/** A refusal: what was wrong, where, what was expected, what was found (and an exercise's problems, field by field). */
export interface LibraryRefusal {
  readonly code: string;
  readonly message: string;
  readonly where?: string;
  readonly expected?: string;
  readonly found?: string;
  readonly problems?: readonly FieldProblem[];
  /** The latest version, when a save started from an older one. */
  readonly latest?: number;
}

const TEMPLATE_PREFIX = 'template:';
const TEMPLATE_ID = /^template:[a-z0-9][a-z0-9-]{0,79}$/;
const UUID = z.uuid();
/** A template's id from its shipped file: `template:low-reservoir-alarm`. */
export const templateId = (file: string): string => `${TEMPLATE_PREFIX}${file.replace(/\.scenario\.yaml$/, '')}`;
/** The file a class of a library exercise names (an xAPI activity per exercise, its version beside it). */
export const libraryFile = (id: string): string => `library/${id}`;

const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  topic: z.enum(TRAINING_TOPICS).optional(),
  difficulty: z.enum(TRAINING_DIFFICULTIES).optional(),
  retired: z.enum(['true', 'false', 'all']).optional(),
});
const yamlBody = z.strictObject({ yaml: z.string().min(1) });
const saveBody = z.strictObject({ yaml: z.string().min(1), baseVersion: z.number().int().min(1) });

/** A value from outside, short, for a message. */
const briefly = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** The first issue of a zod check as where, expected and found. */
function zodRefusal(issues: readonly z.core.$ZodIssue[], input: unknown, what: string): LibraryRefusal {
  const issue = issues[0];
  const path = issue?.path ?? [];
  let value: unknown = input;
  for (const key of path)
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as string] : undefined;
  const where = [what, ...path.map(String)].join('.');
  const expected =
    issue?.code === 'invalid_value'
      ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
      : issue?.code === 'unrecognized_keys'
        ? `no field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : issue?.code === 'too_big'
          ? `at most ${issue.maximum} characters`
          : issue?.code === 'too_small'
            ? issue.origin === 'string'
              ? 'a non-empty text'
              : `at least ${issue.minimum}`
            : (issue?.message ?? 'a valid value');
  return {
    code: 'request.invalid',
    message: `${where}: expected ${expected}; found ${briefly(value)}.`,
    where,
    expected,
    found: briefly(value),
  };
}

const send = (reply: FastifyReply, status: number, error: LibraryRefusal) => reply.code(status).send({ error });

/** An entry as the list sends it. */
const listed = (e: LibraryEntry) => ({
  id: e.id,
  title: e.title,
  topic: e.topic,
  difficulty: e.difficulty,
  version: e.version,
  retired: e.retired,
  template: e.template,
  savedAt: e.savedAt,
});

/** A template's entry from its shipped exercise. */
function templateEntry(t: ClassExercise): LibraryEntry {
  const meta = exerciseMeta(t.scenario);
  return {
    id: templateId(t.file),
    title: meta.title,
    topic: meta.topics,
    difficulty: meta.difficulty,
    version: 1,
    retired: false,
    template: true,
    savedAt: null,
    brief: meta.brief,
  };
}

/**
 * The exercise library's REST routes, behind the instructor's passphrase: list and search, one
 * exercise with its versions, one version, its YAML as a download, import (a new exercise), save
 * (the next version, refused when another save came first), duplicate, retire. The shipped
 * exercises are listed as read-only templates (`template:NAME`): opened, exported and duplicated,
 * never saved over or retired. A save whose YAML has errors is refused with every problem, field by
 * field; one with warnings only is kept and told them.
 */
export function registerLibraryRoutes(app: FastifyInstance, options: LibraryRoutesOptions): void {
  const { library, instructorOnly, checker } = options;
  const templates = new Map([...options.templates.values()].map((t) => [templateId(t.file), t]));

  /** The id of the route's `:id`, as a template or a library exercise; refused (404) when it is neither form. */
  const idOf = async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    if (TEMPLATE_ID.test(id)) {
      const template = templates.get(id);
      if (template !== undefined) return { kind: 'template' as const, id, template };
    } else if (UUID.safeParse(id).success) return { kind: 'library' as const, id };
    await send(reply, 404, {
      code: 'library.unknown',
      message: `No exercise ${briefly(id)} in the library.`,
      where: 'id',
      expected: 'the id of a library exercise or of a template',
      found: briefly(id),
    });
    return null;
  };
  const versionOf = async (request: FastifyRequest, reply: FastifyReply): Promise<number | null> => {
    const { v } = request.params as { v: string };
    if (/^[1-9]\d{0,8}$/.test(v)) return Number(v);
    await send(reply, 404, {
      code: 'library.version',
      message: `No version ${briefly(v)}: versions are whole numbers from 1.`,
      where: 'version',
      expected: 'a whole number from 1',
      found: briefly(v),
    });
    return null;
  };
  const refuseProblems = (reply: FastifyReply, problems: readonly FieldProblem[]) => {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    return send(reply, 400, {
      code: 'exercise.invalid',
      message: `The exercise cannot be saved: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}${first === undefined ? '' : `, the first at ${first.path === '' ? 'the whole exercise' : first.path}: ${first.message}`}`,
      ...(first === undefined ? {} : { where: first.path }),
      problems,
    });
  };
  const notTemplate = (reply: FastifyReply, what: string) =>
    send(reply, 409, {
      code: 'library.template',
      message: `A shipped exercise is a read-only template: it cannot be ${what}. Duplicate it to make an exercise of your own.`,
    });
  const unknown = (reply: FastifyReply, id: string) =>
    send(reply, 404, { code: 'library.unknown', message: `No exercise ${briefly(id)} in the library.` });

  app.get('/api/library', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const query = listQuery.safeParse(request.query);
    if (!query.success) return send(reply, 400, zodRefusal(query.error.issues, request.query, 'query'));
    const { q, topic, difficulty, retired } = query.data;
    const filter = {
      ...(q === undefined ? {} : { q }),
      ...(topic === undefined ? {} : { topic }),
      ...(difficulty === undefined ? {} : { difficulty }),
      retired: retired === 'true' ? ('retired' as const) : retired === 'all' ? ('all' as const) : ('active' as const),
    };
    const words = q?.trim().toLowerCase() ?? '';
    const shipped =
      filter.retired === 'retired'
        ? []
        : [...templates.values()]
            .map(templateEntry)
            .filter(
              (t) =>
                (words === '' || t.title.toLowerCase().includes(words) || t.brief.toLowerCase().includes(words)) &&
                (topic === undefined || t.topic.includes(topic)) &&
                (difficulty === undefined || t.difficulty === difficulty),
            )
            .sort((a, b) => exerciseTitle(a.title).localeCompare(exerciseTitle(b.title)));
    return [...(await library.list(filter)), ...shipped].map(listed);
  });

  app.get('/api/library/:id', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const id = await idOf(request, reply);
    if (id === null) return;
    if (id.kind === 'template')
      return {
        id: id.id,
        template: true,
        retired: false,
        versions: [{ version: 1, savedAt: null }],
        latest: { version: 1, yaml: id.template.text },
      };
    const found = await library.get(id.id);
    if (found === null) return unknown(reply, id.id);
    return { id: id.id, template: false, retired: found.retired, versions: found.versions, latest: found.latest };
  });

  const versionText = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = await idOf(request, reply);
    if (id === null) return null;
    const version = await versionOf(request, reply);
    if (version === null) return null;
    if (id.kind === 'template') {
      if (version === 1) return { version, yaml: id.template.text, title: id.template.scenario.name };
    } else {
      const found = await library.version(id.id, version);
      if (found !== null) return { version, yaml: found.yaml, title: found.title };
    }
    await send(reply, 404, {
      code: 'library.version',
      message: `The exercise has no version ${version}.`,
      where: 'version',
      expected: 'a version the exercise has',
      found: String(version),
    });
    return null;
  };

  app.get('/api/library/:id/versions/:v', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const found = await versionText(request, reply);
    if (found === null) return;
    return { version: found.version, yaml: found.yaml };
  });

  app.get('/api/library/:id/versions/:v/export', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const found = await versionText(request, reply);
    if (found === null) return;
    const slug =
      exerciseTitle(found.title)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'exercise';
    return reply
      .type('text/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${slug}.v${found.version}.scenario.yaml"`)
      .send(found.yaml);
  });

  app.post('/api/library', { bodyLimit: MAX_LIBRARY_BODY }, async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const body = yamlBody.safeParse(request.body);
    if (!body.success) return send(reply, 400, zodRefusal(body.error.issues, request.body, 'body'));
    const checked = await checker.check(body.data.yaml);
    if (!checked.ok) return refuseProblems(reply, checked.problems);
    const created = await library.create(body.data.yaml, checked.meta);
    return { ...created, warnings: checked.warnings };
  });

  app.put('/api/library/:id', { bodyLimit: MAX_LIBRARY_BODY }, async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const id = await idOf(request, reply);
    if (id === null) return;
    if (id.kind === 'template') return notTemplate(reply, 'saved over');
    const body = saveBody.safeParse(request.body);
    if (!body.success) return send(reply, 400, zodRefusal(body.error.issues, request.body, 'body'));
    const checked = await checker.check(body.data.yaml);
    if (!checked.ok) return refuseProblems(reply, checked.problems);
    const saved = await library.save(id.id, body.data.yaml, checked.meta, body.data.baseVersion);
    if (saved.ok) return { version: saved.version, warnings: checked.warnings };
    if (saved.reason === 'unknown') return unknown(reply, id.id);
    if (saved.reason === 'retired')
      return send(reply, 409, {
        code: 'library.retired',
        message: 'This exercise is retired: duplicate it to go on with a copy.',
      });
    return send(reply, 409, {
      code: 'library.conflict',
      message: `Version ${saved.latest} was saved since you opened version ${body.data.baseVersion}: open it, then make your changes again.`,
      where: 'baseVersion',
      expected: `the latest version, ${saved.latest}`,
      found: String(body.data.baseVersion),
      latest: saved.latest,
    });
  });

  app.post('/api/library/:id/duplicate', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const id = await idOf(request, reply);
    if (id === null) return;
    const text = id.kind === 'template' ? id.template.text : (await library.get(id.id))?.latest.yaml;
    if (text === undefined) return unknown(reply, id.id);
    const parsed = exerciseFromYaml(text, 'exercise.yaml');
    /* v8 ignore next -- @preserve what the library holds was checked when it was saved */
    if (!parsed.ok) return send(reply, 500, { code: 'library.unreadable', message: 'The exercise could not be read.' });
    const copy = { ...parsed.scenario, name: `${parsed.scenario.name} (copy)` };
    const meta: ExerciseMeta = exerciseMeta(copy);
    const created = await library.create(exerciseToYaml(copy), meta, id.id);
    return { id: created.id };
  });

  app.post('/api/library/:id/retire', async (request, reply) => {
    if (!(await instructorOnly(request, reply))) return;
    const id = await idOf(request, reply);
    if (id === null) return;
    if (id.kind === 'template') return notTemplate(reply, 'retired');
    if (!(await library.retire(id.id))) return unknown(reply, id.id);
    return { id: id.id, retired: true };
  });
}

/**
 * The exercise a class opens from the library (`{ libraryId, version }`): a template's shipped
 * exercise, or a saved version (refused when unknown or retired).
 */
export async function libraryExercise(
  library: ExerciseLibrary,
  templates: ReadonlyMap<string, ClassExercise>,
  libraryId: string,
  version: number,
): Promise<ClassExercise | { refused: LibraryRefusal; status: number }> {
  if (libraryId.startsWith(TEMPLATE_PREFIX)) {
    const template = [...templates.values()].find((t) => templateId(t.file) === libraryId);
    if (template !== undefined && version === 1) return template;
  } else if (UUID.safeParse(libraryId).success) {
    const found = await library.version(libraryId, version);
    if (found?.retired)
      return {
        status: 409,
        refused: {
          code: 'library.retired',
          message: 'This exercise is retired: it is kept for the records, not opened as a class.',
        },
      };
    if (found !== null) return exerciseOf(libraryFile(libraryId), found.yaml, { id: libraryId, version });
  }
  return {
    status: 400,
    refused: {
      code: 'exercise.unknown',
      message: `No version ${version} of ${briefly(libraryId)} in the library.`,
      where: 'libraryId',
      expected: 'a library exercise and one of its versions',
      found: `${briefly(libraryId)} version ${version}`,
    },
  };
}
