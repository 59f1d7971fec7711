/** Errors in input data: each names the file, the field and the line, and is shown without a stack trace. */

/** One problem in one input file. */
export class DataError extends Error {
  /** Path of the file, relative to the project. */
  readonly file: string;
  /** Field path such as `targets[2].quote`, or "" for the whole file. */
  readonly field: string;
  /** 1-based line, when known. */
  readonly line: number | undefined;

  constructor(file: string, field: string, line: number | undefined, message: string) {
    super(message);
    this.file = file;
    this.field = field;
    this.line = line;
  }

  /** `data/plans/x.yaml:12: targets[2].quote: quote not found in ...` */
  format(): string {
    return `${this.file}${this.line ? `:${this.line}` : ""}: ${this.field ? `${this.field}: ` : ""}${this.message}`;
  }
}

/** Several DataErrors found in one run (all are reported, not only the first). */
export class DataErrors extends Error {
  readonly errors: DataError[];

  constructor(errors: DataError[]) {
    super(errors.map((e) => e.format()).join("\n"));
    this.errors = errors;
  }
}

/**
 * Run a command's main function: bad input (DataErrors) prints one `file:line: field: message` per problem, without
 * a stack trace, and exits 1; anything else is a bug and keeps its stack.
 */
export function runReportingDataErrors(main: () => void) {
  try {
    main();
  } catch (e) {
    if (e instanceof DataErrors) {
      for (const err of e.errors) console.error(err.format());
      process.exit(1);
    }
    throw e;
  }
}

/** `["targets", 2, "quote"]` → `targets[2].quote` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), "");
}
