/** @module Splits a stack trace into lines and recognises V8 and Python frames in it. */

/** One frame of a stack trace. */
export interface StackFrame {
  /** Function name as printed (`charge`, `Object.<anonymous>`), or `<anonymous>`. */
  fn: string;
  /** Source file (path or URL), or the pseudo location V8 prints (`node:fs`, `<anonymous>`). */
  file: string;
  /** The location as printed in a V8 frame, `file` with its `:line:column`; `file` for a Python frame. */
  location: string;
  /** Line number in `file`, when the frame has one (V8 frames only). */
  line: number | undefined;
  /** Code of the application itself, as opposed to dependencies and the runtime. */
  inApp: boolean;
}

/** One line of a stack trace and the frame on it, if it is one. */
export interface StackLine {
  text: string;
  frame: StackFrame | undefined;
}

const LINE_COLUMN = /:(\d+)(?::\d+)?$/;
const PYTHON_FRAME = /^\s*File "(.+)", line \d+(?:, in (.+))?\s*$/;

// Locations V8 prints for code that is not in a file of the application.
const V8_RUNTIME_LOCATION = /^(?:node:|internal[/:]|native$|<anonymous>$|index \d+$|eval at |wasm:\/\/)/;
// Anywhere in the path, relative (`node_modules/express/…`) or absolute.
const DEPENDENCY_PATH = /(?:^|[/\\])node_modules[/\\]/;
const PYTHON_LIBRARY_PATH = /[/\\](?:site-packages|dist-packages)[/\\]|[/\\]lib[/\\]python\d[\d.]*[/\\]|^<frozen /;

/**
 * Parses every line of a stack trace. Lines that are not frames (the message, `Caused by:`)
 * come back with `frame: undefined`.
 *
 * @param stack - the `stackTrace` field of a report
 * @param language - the `language` field; `"python"` selects Python traceback syntax
 * @returns one entry per line, in order
 */
export function parseStack(stack: string, language: string): StackLine[] {
  const parseLine = frameParser(language);
  return splitLines(stack).map((text) => ({ text, frame: parseLine(text) }));
}

/**
 * Picks the frame that stands for the throw site: the innermost frame of the application.
 * V8 prints the innermost frame first, Python last. Falls back to the innermost frame of any
 * kind. Parses only as far as it needs to: this runs for every ingested report.
 *
 * @param stack - the `stackTrace` field of a report
 * @param language - the report's `language`
 * @returns the chosen frame, or `undefined` when the trace holds no frames
 */
export function findTopFrame(stack: string, language: string): StackFrame | undefined {
  const parseLine = frameParser(language);
  const lines = splitLines(stack);
  if (language === 'python') lines.reverse();
  let innermost: StackFrame | undefined;
  for (const text of lines) {
    const frame = parseLine(text);
    if (frame?.inApp) return frame;
    innermost ??= frame;
  }
  return innermost;
}

function splitLines(stack: string): string[] {
  return stack.split(/\r?\n/);
}

function frameParser(language: string): (text: string) => StackFrame | undefined {
  return language === 'python' ? parsePythonFrame : parseV8Frame;
}

// `at fn (location)` or `at location`, where location ends in `:line:column` when it is a file.
function parseV8Frame(text: string): StackFrame | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('at ')) return undefined;
  const body = trimmed.slice(3).trimStart();
  const open = body.endsWith(')') ? body.indexOf(' (') : -1;
  const fn = open > 0 ? body.slice(0, open) : '<anonymous>';
  const location = open > 0 ? body.slice(open + 2, -1) : body;
  const position = LINE_COLUMN.exec(location);
  const file = position ? location.slice(0, position.index) : location;
  const line = position ? Number(position[1]) : undefined;
  const inApp = file !== '' && !V8_RUNTIME_LOCATION.test(file) && !DEPENDENCY_PATH.test(file);
  return { fn, file, location, line, inApp };
}

function parsePythonFrame(text: string): StackFrame | undefined {
  const parts = PYTHON_FRAME.exec(text);
  if (!parts) return undefined;
  const file = parts[1] ?? '';
  return { fn: parts[2] ?? '<module>', file, location: file, line: undefined, inApp: !PYTHON_LIBRARY_PATH.test(file) };
}
