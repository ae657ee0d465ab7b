/**
 * Stage 4: protoc's OptionInterpreter. Each UninterpretedOption is resolved to a field of the
 * options message (or an extension of it, possibly through sub-messages), its value checked and
 * encoded as an unknown field, and the options message reparsed so known fields become fields
 * while custom options stay unknown fields in the order they were set. Runs in two passes:
 * non-extension options (features among them) first, extensions after features are resolved.
 * Records where each option went, to rewrite SourceCodeInfo paths afterwards.
 */
import { fromBinary } from "../../codec/binary/from-binary.js";
import { toBinary } from "../../codec/binary/to-binary.js";
import type { SourceCodeInfo, SourceCodeInfo_Location, UninterpretedOption } from "../../reflect/descriptor-types.js";
import type { DeferredOptionLocations } from "../lower/option-locations.js";
import type { DescMessage } from "../../reflect/descriptors.js";
import type { UnknownField } from "../../reflect/message.js";
import { WireType } from "../../wire/wire-type.js";
import type { Builder } from "../link/builder.js";
import { Label, Type, cppType, type FieldDesc, type MessageDesc } from "../link/model.js";
import type { OptionsJob } from "../link/options-job.js";
import type { AnyOptions } from "../lower/protos.js";
import { generatedMessage, runtimeMessage } from "./generated.js";
import { bytesField, groupField, groupPayload, lengthDelimitedPayload, parseFields, serializeFields } from "./unknown-fields.js";
import { setOptionValue } from "./values.js";

/** Interprets the queued options of one file (protoc keeps one interpreter per file build). */
export class OptionInterpreter {
  /** Source path of each interpreted option → the path of the field it set. */
  private readonly interpretedPaths = new Map<string, number[]>();
  private readonly repeatedCounts = new Map<string, number>();
  /** Options messages that are the runtime's parse of their bytes. */
  private readonly reparsed = new WeakSet<object>();

  constructor(
    private readonly b: Builder,
    /** Whether the file has SourceCodeInfo, whose option paths updateSourceCodeInfo() rewrites. */
    private readonly trackPaths: boolean,
  ) {}

  /** Interprets the job's options whose first name part is (`extensions` true) or is not an extension. */
  interpret(job: OptionsJob, extensions: boolean): boolean {
    const owner = job.owner as { options: AnyOptions | undefined };
    const options = owner.options!;
    options.uninterpretedOption = [];
    const list = job.original.uninterpretedOption;
    // A pass with no option of its kind leaves the options as they are.
    if (!list.some((uo) => actsInPass(uo, extensions))) return true;
    const unknown: UnknownField[] = [...(options.$unknown ?? [])];
    let failed = false;
    for (let i = 0; i < list.length; i++) {
      if (!this.interpretOne(job, list[i]!, i, unknown, !extensions)) {
        failed = true;
        break;
      }
    }
    if (!failed) {
      const rt = runtimeMessage(options.$typeName);
      options.$unknown = unknown;
      const plain = !this.reparsed.has(options) && isPlain(options);
      if (extensions && (plain || this.reparsed.has(options)) && !unknown.some((u) => isKnownField(rt, u.no))) {
        // Extensions stay unknown fields of the runtime's options message, so reparsing would
        // change nothing; a plain message only gets empty lists of its own (not the parsed proto's).
        if (plain) for (const k in options) if (k !== "$unknown" && k !== "$typeName") (options as unknown as Record<string, unknown[]>)[k] = [];
        if (unknown.length === 0) delete options.$unknown;
        this.reparsed.add(options);
      } else {
        owner.options = fromBinary<AnyOptions>(rt, toBinary(rt, options));
        if (owner.options.$unknown?.length === 0) delete owner.options.$unknown;
        this.reparsed.add(owner.options);
      }
    }
    return !failed;
  }

  /** Interprets option `index` of the job, `uo`. */
  private interpretOne(job: OptionsJob, uo: UninterpretedOption, index: number, unknown: UnknownField[], skipExtensions: boolean): boolean {
    const b = this.b;
    const nameError = (message: string): false => {
      b.error(job.elementName, uo, "OPTION_NAME", message);
      return false;
    };
    const first = uo.name[0];
    if (first === undefined) return skipExtensions ? true : nameError("Option must have a name.");
    if (first.namePart === "uninterpreted_option") {
      return skipExtensions ? true : nameError('Option must not use reserved name "uninterpreted_option".');
    }
    if (skipExtensions === (first.isExtension ?? false)) return true;
    const typeName = job.original.$typeName;
    const inPool = b.findSymbolNotEnforcingDeps(typeName);
    const optionsDesc = inPool?.kind === "message" ? (inPool.desc as MessageDesc) : generatedMessage(typeName)!;
    let descriptor = optionsDesc;
    let field: FieldDesc | undefined;
    const intermediates: FieldDesc[] = [];
    let debugName = "";
    const destPath = this.trackPaths ? job.path.slice() : undefined;
    for (let i = 0; i < uo.name.length; i++) {
      const part = uo.name[i]!;
      const namePart = part.namePart ?? "";
      b.undefineResolvedName = "";
      if (debugName !== "") debugName += ".";
      if (part.isExtension) {
        debugName += `(${namePart})`;
        const s = b.lookupSymbol(namePart, job.nameScope);
        field = s?.kind === "field" ? (s.desc as FieldDesc) : undefined;
      } else {
        debugName += namePart;
        const c = descriptor.children.get(namePart);
        field = c?.kind === "field" && !c.isExtension ? c : undefined;
      }
      if (field === undefined) {
        if (b.undefineResolvedName !== "") {
          return nameError(
            `Option "${debugName}" is resolved to "(${b.undefineResolvedName})", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., "(.${debugName.slice(1)}") to start from the outermost scope.`,
          );
        }
        return nameError(
          `Option "${debugName}" unknown. Ensure that your proto definition file imports the proto which defines the option (i.e. via import option after edition 2024).`,
        );
      }
      if (field.containingType !== descriptor) {
        return nameError(`Option field "${debugName}" is not a field or extension of message "${descriptor.name}".`);
      }
      destPath?.push(field.number);
      if (field.file === b.file && first.namePart === "features" && !first.isExtension) {
        return nameError(`Feature "${debugName}" can't be used in the same file it's defined in.`);
      }
      if (i < uo.name.length - 1) {
        if (cppType(field.type ?? 0) !== "message") return nameError(`Option "${debugName}" is an atomic type, not a message.`);
        if (field.label === Label.REPEATED) {
          return nameError(`Option field "${debugName}" is a repeated message. Repeated message options must be initialized using an aggregate value.`);
        }
        intermediates.push(field);
        descriptor = field.messageType!;
      }
    }
    const leaf = field!;
    if (leaf.label !== Label.REPEATED && !examineIfOptionIsSet(intermediates, 0, leaf, unknown)) {
      return nameError(`Option "${debugName}" was already set.`);
    }
    const value = setOptionValue(b, job, uo, leaf);
    if (value === undefined) return false;
    let fields = value;
    for (let i = intermediates.length - 1; i >= 0; i--) {
      const f = intermediates[i]!;
      fields = [f.type === Type.GROUP ? groupField(f.number, fields) : bytesField(f.number, serializeFields(fields))];
    }
    unknown.push(...fields);
    if (destPath !== undefined) this.recordPath(job, index, leaf, destPath);
    return true;
  }

  /** Records that option `index` of the job set the field at `destPath` (an element of it, if repeated). */
  private recordPath(job: OptionsJob, index: number, leaf: FieldDesc, destPath: number[]): void {
    if (leaf.label === Label.REPEATED) {
      const key = destPath.join(",");
      const count = this.repeatedCounts.get(key) ?? 0;
      this.repeatedCounts.set(key, count + 1);
      destPath.push(count);
    }
    this.interpretedPaths.set(`${job.path.join(",")},999,${index}`, destPath);
  }

  /**
   * protoc's UpdateSourceCodeInfo: each interpreted option's location takes the path of the
   * field it set, and the locations inside it (name parts, value) are dropped. Where the lowering
   * deferred those (`deferred`), they are added back for the options left uninterpreted.
   */
  updateSourceCodeInfo(info: SourceCodeInfo, deferred: DeferredOptionLocations | undefined): void {
    if (this.interpretedPaths.size === 0 && deferred === undefined) return;
    // The list and its locations are this file's own: they are changed in place.
    const list = info.location;
    // Nearly always no longer than the list: made at that length and cut to what was kept.
    const out = new Array<SourceCodeInfo_Location>(list.length);
    let kept = 0;
    let matchSrc: number[] | undefined;
    for (const loc of list) {
      if (matchSrc !== undefined) {
        if (startsWith(loc.path, matchSrc)) continue;
        matchSrc = undefined;
      }
      out[kept++] = loc;
      // Option locations end with (uninterpreted_option = 999, index).
      const n = loc.path.length;
      if (n < 2 || loc.path[n - 2] !== 999) continue;
      const dest = this.interpretedPaths.get(loc.path.join(","));
      if (dest !== undefined) {
        matchSrc = loc.path;
        loc.path = dest.slice();
      } else {
        const inner = deferred?.innerLocations(loc);
        if (inner !== undefined) for (const l of inner) out[kept++] = l;
      }
    }
    out.length = kept;
    info.location = out;
  }
}

/** Whether `path` begins with `prefix`. */
function startsWith(path: readonly number[], prefix: readonly number[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** protoc's ExamineIfOptionIsSet: whether the innermost field was already set (in the unknown fields) along the same path. */
function examineIfOptionIsSet(intermediates: readonly FieldDesc[], at: number, innermost: FieldDesc, fields: readonly UnknownField[]): boolean {
  if (at === intermediates.length) return !fields.some((f) => f.no === innermost.number);
  const step = intermediates[at]!;
  for (const f of fields) {
    if (f.no !== step.number) continue;
    if (step.type === Type.GROUP) {
      if (f.wireType === WireType.StartGroup && !examineIfOptionIsSet(intermediates, at + 1, innermost, groupPayload(f))) return false;
    } else if (f.wireType === WireType.LengthDelimited) {
      const inner = parseFields(lengthDelimitedPayload(f));
      if (inner !== undefined && !examineIfOptionIsSet(intermediates, at + 1, innermost, inner)) return false;
    }
  }
  return true;
}

/** Whether interpretOne acts on `uo` in the pass for extensions (or non-extensions) rather than skipping it. */
function actsInPass(uo: UninterpretedOption, extensions: boolean): boolean {
  const first = uo.name[0];
  if (first === undefined || first.namePart === "uninterpreted_option") return extensions;
  return (first.isExtension ?? false) === extensions;
}

/** True when an options message holds nothing but empty lists and unknown fields (as parsed from bytes it would be the same). */
function isPlain(o: AnyOptions): boolean {
  for (const k in o) {
    if (k === "$typeName" || k === "$unknown") continue;
    const v = (o as unknown as Record<string, unknown>)[k];
    if (!Array.isArray(v) || v.length > 0) return false;
  }
  return true;
}

const knownNumbers = new WeakMap<DescMessage, Set<number>>();

/** Whether `no` is a field of the runtime message (an unknown field with it would be parsed into the field). */
function isKnownField(rt: DescMessage, no: number): boolean {
  let set = knownNumbers.get(rt);
  if (set === undefined) knownNumbers.set(rt, (set = new Set(rt.fields.map((f) => f.number))));
  return set.has(no);
}
