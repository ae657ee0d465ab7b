/**
 * protoc's FileDescriptor::CopyTo (and CopyJsonNameTo): a built file back to a
 * FileDescriptorProto, as `protoc --descriptor_set_out` writes it. Type names and extendees are
 * fully qualified with a leading dot, every field has its type, defaults are printed back from
 * their parsed values, options are the interpreted ones with the explicitly set features put back.
 */
import type {
  DescriptorProto,
  EnumDescriptorProto,
  FeatureSet,
  FieldDescriptorProto,
  FileDescriptorProto,
  ServiceDescriptorProto,
} from "../../reflect/descriptor-types.js";
import { isLegacyEdition, Label, Type, Edition, type EnumDesc, type FieldDesc, type FileDesc, type MessageDesc, type ServiceDesc, type WithOptions } from "../link/model.js";
import { newEnum, newEnumReservedRange, newEnumValue, newExtensionRange, newField, newFile, newMessage, newMethod, newOneof, newOptions, newReservedRange, newService, type AnyOptions, type OptionsKind } from "../lower/protos.js";

/** Copies a built file (CopyTo then CopyJsonNameTo when `jsonNames`). */
export function copyFile(file: FileDesc, jsonNames: boolean): FileDescriptorProto {
  const out = newFile();
  out.name = file.name;
  if (file.package !== "") out.package = file.package;
  if (file.edition === Edition.PROTO3) out.syntax = "proto3";
  else if (!isLegacyEdition(file.edition)) {
    out.syntax = "editions";
    out.edition = file.edition as FileDescriptorProto["edition"];
  }
  out.options = copyOptions(file, "file") as FileDescriptorProto["options"];
  out.dependency = file.proto.dependency.slice();
  out.publicDependency = file.publicDependencies.slice();
  out.weakDependency = file.weakDependencies.slice();
  out.optionDependency = file.optionDependencies.slice();
  out.messageType = file.messages.map((m) => copyMessage(m, jsonNames));
  out.enumType = file.enums.map(copyEnum);
  out.service = file.services.map(copyService);
  out.extension = file.extensions.map((f) => copyField(f, jsonNames));
  return out;
}

/** The options to output: the interpreted options, with the explicit features put back. */
export function copyOptions(d: WithOptions<AnyOptions>, kind: OptionsKind): AnyOptions | undefined {
  const o = d.options;
  if (d.protoFeatures === undefined) return o;
  return { ...(o ?? newOptions(kind)), features: d.protoFeatures } as AnyOptions & { features: FeatureSet };
}

function copyMessage(m: MessageDesc, jsonNames: boolean): DescriptorProto {
  const out = newMessage();
  out.name = m.name;
  out.reservedRange = m.proto.reservedRange.map((r) => newReservedRange(r.start ?? 0, r.end ?? 0));
  out.reservedName = m.proto.reservedName.slice();
  out.options = copyOptions(m, "message") as DescriptorProto["options"];
  if (m.proto.visibility !== undefined && m.proto.visibility !== 0) out.visibility = m.proto.visibility;
  out.field = m.fields.map((f) => copyField(f, jsonNames));
  out.oneofDecl = m.oneofs.map((o) => {
    const od = newOneof(o.name);
    od.options = copyOptions(o, "oneof") as typeof od.options;
    return od;
  });
  out.nestedType = m.nestedTypes.map((n) => copyMessage(n, jsonNames));
  out.enumType = m.enums.map(copyEnum);
  out.extensionRange = m.extensionRanges.map((r) => {
    const rp = newExtensionRange(r.start, r.end);
    rp.options = copyOptions(r, "extensionRange") as typeof rp.options;
    return rp;
  });
  out.extension = m.extensions.map((f) => copyField(f, jsonNames));
  return out;
}

function copyField(f: FieldDesc, jsonNames: boolean): FieldDescriptorProto {
  const out = newField();
  out.name = f.name;
  out.number = f.number;
  if (f.hasJsonName || jsonNames) out.jsonName = f.jsonName;
  if (f.proto3Optional) out.proto3Optional = true;
  const legacy = isLegacyEdition(f.file.edition);
  out.label = (f.label === Label.REQUIRED && !legacy ? Label.OPTIONAL : f.label) as FieldDescriptorProto["label"];
  out.type = (f.type === Type.GROUP && !legacy ? Type.MESSAGE : f.type) as FieldDescriptorProto["type"];
  if (f.isExtension && f.containingType !== undefined) out.extendee = "." + f.containingType.fullName;
  if (f.messageType !== undefined) out.typeName = "." + f.messageType.fullName;
  else if (f.enumType !== undefined) out.typeName = "." + f.enumType.fullName;
  if (f.hasDefault && f.defaultText !== undefined) out.defaultValue = f.defaultText;
  if (f.oneof !== undefined && !f.isExtension) out.oneofIndex = f.oneof.index;
  const options = copyOptions(f, "field") as FieldDescriptorProto["options"];
  out.options = options;
  if (f.legacyCtype !== undefined) {
    out.options = { ...(out.options ?? (newOptions("field") as NonNullable<FieldDescriptorProto["options"]>)), ctype: f.legacyCtype as never };
  }
  return out;
}

function copyEnum(e: EnumDesc): EnumDescriptorProto {
  const out = newEnum();
  out.name = e.name;
  out.value = e.values.map((v) => {
    const vp = newEnumValue();
    vp.name = v.name;
    vp.number = v.number;
    vp.options = copyOptions(v, "enumValue") as typeof vp.options;
    return vp;
  });
  out.reservedRange = e.proto.reservedRange.map((r) => newEnumReservedRange(r.start ?? 0, r.end ?? 0));
  out.reservedName = e.proto.reservedName.slice();
  if (e.proto.visibility !== undefined && e.proto.visibility !== 0) out.visibility = e.proto.visibility;
  out.options = copyOptions(e, "enum") as EnumDescriptorProto["options"];
  return out;
}

function copyService(s: ServiceDesc): ServiceDescriptorProto {
  const out = newService();
  out.name = s.name;
  out.method = s.methods.map((m) => {
    const mp = newMethod();
    mp.name = m.name;
    if (m.inputType !== undefined) mp.inputType = "." + m.inputType.fullName;
    if (m.outputType !== undefined) mp.outputType = "." + m.outputType.fullName;
    mp.options = copyOptions(m, "method") as typeof mp.options;
    if (m.proto.clientStreaming) mp.clientStreaming = true;
    if (m.proto.serverStreaming) mp.serverStreaming = true;
    return mp;
  });
  out.options = copyOptions(s, "service") as ServiceDescriptorProto["options"];
  return out;
}
