// @ts-check
// An example custom generator: writes an XML description of each .proto file (its messages,
// fields, enums and services, with their comments). Run it as a protoc plugin (protoc-gen-xml in
// this directory) or in-process (see test/codegen/xml-generator.test.ts). Option: comments=false.
import { scalarTypeName } from "protoforge";
import { PluginError, getComments } from "protoforge/codegen";

/** @typedef {import("protoforge").DescMessage} DescMessage */
/** @typedef {import("protoforge").DescField} DescField */
/** @typedef {import("protoforge").DescEnum} DescEnum */
/** @typedef {import("protoforge").DescService} DescService */
/** @typedef {import("protoforge").AnyDesc} AnyDesc */

/** Escapes text for an XML attribute or element. */
function esc(/** @type {string | number | boolean} */ s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An element's attributes: `name="x" number="1"`, skipping undefined values. */
function attrs(/** @type {Record<string, string | number | boolean | undefined>} */ a) {
  let out = "";
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${esc(v)}"`;
  return out;
}

/** Writes XML elements with indentation. */
class XmlWriter {
  /** @type {string[]} */ lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  depth = 0;
  /** @param {boolean} comments */
  constructor(comments) {
    this.comments = comments;
  }
  open(/** @type {string} */ tag, /** @type {Record<string, string | number | boolean | undefined>} */ a = {}) {
    this.lines.push(`${"  ".repeat(this.depth++)}<${tag}${attrs(a)}>`);
  }
  close(/** @type {string} */ tag) {
    this.lines.push(`${"  ".repeat(--this.depth)}</${tag}>`);
  }
  leaf(/** @type {string} */ tag, /** @type {Record<string, string | number | boolean | undefined>} */ a = {}) {
    this.lines.push(`${"  ".repeat(this.depth)}<${tag}${attrs(a)}/>`);
  }
  /** The leading comment of a declaration, as a <doc> element. */
  doc(/** @type {AnyDesc} */ desc) {
    const text = this.comments ? getComments(desc).leading?.trim() : undefined;
    if (text) this.lines.push(`${"  ".repeat(this.depth)}<doc>${esc(text.replace(/\n\s*/g, " "))}</doc>`);
  }
}

/** The .proto name of what a field holds (map fields: of their values): a scalar type or the full name of a message or enum. */
function typeOf(/** @type {DescField} */ f) {
  switch (f.fieldKind) {
    case "scalar":
      return scalarTypeName(f.scalar);
    case "enum":
      return f.enum.typeName;
    case "message":
      return f.message.typeName;
    case "list":
    case "map":
      return f.elementKind === "message" ? f.message.typeName : f.elementKind === "enum" ? f.enum.typeName : scalarTypeName(f.scalar);
  }
}

function field(/** @type {XmlWriter} */ w, /** @type {DescField} */ f) {
  const a = { name: f.name, number: f.number, type: typeOf(f), kind: f.fieldKind, presence: f.presence, jsonName: f.jsonName };
  const key = f.fieldKind === "map" ? { key: scalarTypeName(f.mapKey) } : {};
  const docText = w.comments ? getComments(f).leading?.trim() : undefined;
  if (!docText) return w.leaf("field", { ...a, ...key });
  w.open("field", { ...a, ...key });
  w.doc(f);
  w.close("field");
}

function message(/** @type {XmlWriter} */ w, /** @type {DescMessage} */ m) {
  if (m.isMapEntry) return;
  w.open("message", { name: m.name, fullName: m.typeName });
  w.doc(m);
  for (const member of m.members) {
    if (member.kind === "field") field(w, member);
    else {
      w.open("oneof", { name: member.name });
      for (const f of member.fields) field(w, f);
      w.close("oneof");
    }
  }
  m.nestedEnums.forEach((e) => enumType(w, e));
  m.nestedMessages.forEach((n) => message(w, n));
  w.close("message");
}

function enumType(/** @type {XmlWriter} */ w, /** @type {DescEnum} */ e) {
  w.open("enum", { name: e.name, fullName: e.typeName, closed: !e.open });
  w.doc(e);
  for (const v of e.values) w.leaf("value", { name: v.name, number: v.number });
  w.close("enum");
}

function service(/** @type {XmlWriter} */ w, /** @type {DescService} */ s) {
  w.open("service", { name: s.name, fullName: s.typeName });
  w.doc(s);
  for (const m of s.methods) {
    w.leaf("method", { name: m.name, input: m.input.typeName, output: m.output.typeName, clientStreaming: m.clientStreaming || undefined, serverStreaming: m.serverStreaming || undefined });
  }
  w.close("service");
}

/** @type {import("protoforge/codegen").CodeGenerator} */
export const xmlGenerator = {
  name: "protoc-gen-xml",
  supportsProto3Optional: true,
  editions: { minimum: 998, maximum: 1001 },
  generate(ctx) {
    let comments = true;
    for (const [key, value] of ctx.options) {
      if (key === "comments" && (value === "true" || value === "false")) comments = value === "true";
      else throw new PluginError(`protoc-gen-xml: unknown option ${key}=${value} (known: comments=true|false)`);
    }
    for (const file of ctx.files) {
      const w = new XmlWriter(comments);
      w.open("file", { name: file.name, package: file.packageName || undefined, syntax: file.syntax, edition: file.syntax === "editions" ? file.edition : undefined });
      for (const dep of file.dependencies) w.leaf("import", { name: dep.name });
      file.messages.forEach((m) => message(w, m));
      file.enums.forEach((e) => enumType(w, e));
      file.services.forEach((s) => service(w, s));
      w.close("file");
      ctx.addFile(file.name.replace(/\.proto$/, ".xml"), w.lines.join("\n") + "\n");
    }
  },
};
