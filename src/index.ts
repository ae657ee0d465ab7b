/**
 * protoforge: Protocol Buffers for TypeScript. This module is the public runtime API:
 * descriptors and registries, dynamic messages, and the binary format.
 */
export * from "./wire/index.js";
export type { Message, UnknownField, OneofValue, MapKey } from "./reflect/message.js";
export type {
  AnyDesc,
  DescFile,
  DescMessage,
  DescField,
  DescExtension,
  DescOneof,
  DescEnum,
  DescEnumValue,
  DescService,
  DescMethod,
  FieldPresence,
  FieldKindInfo,
  ElementInfo,
} from "./reflect/descriptors.js";
export { ScalarType, type ScalarValue, scalarZeroValue, isScalarZero, scalarTypeName } from "./reflect/scalar.js";
export { Edition, type ResolvedFeatures } from "./reflect/features.js";
export { type Registry, MutableRegistry, createRegistry } from "./reflect/registry.js";
export { createFileRegistry } from "./reflect/file-registry.js";
export { DescriptorError } from "./reflect/build.js";
export { protoCamelCase, localName } from "./reflect/names.js";
export { bootDescriptorFile, descriptorProtoBytes } from "./reflect/boot/boot.js";
export type * as descriptorTypes from "./reflect/descriptor-types.js";
export { create, createEmpty } from "./message/create.js";
export { isFieldSet, getFieldValue, getSetValue, setFieldValue, clearField, fieldDefault } from "./message/fields.js";
export { equals, type EqualsOptions } from "./message/equals.js";
export { merge } from "./message/merge.js";
export { clone } from "./message/clone.js";
export { missingRequiredFields, isInitialized, checkRequired, MissingRequiredFieldsError } from "./message/required.js";
export { findInvalidValue, formatValuePath, type InvalidValue, type ValueProblem } from "./message/check-values.js";
export { fromBinary, mergeFromBinary, type BinaryReadOptions } from "./codec/binary/from-binary.js";
export { toBinary, type BinaryWriteOptions } from "./codec/binary/to-binary.js";
export { getExtension, setExtension, appendExtension, hasExtension, clearExtension } from "./codec/binary/extensions.js";
export { decodeFileDescriptorSet, encodeFileDescriptorSet, registryFromDescriptorSet } from "./descriptor-set.js";
export { toText, fromText, mergeFromText, TextFormatError } from "./codec/text/index.js";
export type { TextReadOptions, TextWriteOptions, TextDiagnostic } from "./codec/text/index.js";
export { toJson, toJsonString, fromJson, fromJsonString, fromJsonBytes, mergeFromJson, mergeFromJsonString, JsonError } from "./codec/json/index.js";
export type { JsonReadOptions, JsonWriteOptions, JsonWriteStringOptions, JsonValue } from "./codec/json/index.js";
export type { GenFile, GenMessage, GenEnum, GenExtension, GenService, GenMethodTypes, MessageShape } from "./reflect/embedded-file.js";
