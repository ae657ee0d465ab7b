/** The protobuf text format: a printer byte-identical to `protoc --decode`, and a parser following protoc and the text format spec. */
export { toText, type TextWriteOptions } from "./to-text.js";
export { fromText, mergeFromText, type TextReadOptions } from "./from-text.js";
export { TextFormatError, type TextDiagnostic, type TextErrorCode, type TextPosition } from "./errors.js";
