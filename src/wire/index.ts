/** The binary wire format: bytes only, no knowledge of descriptors. */
export { WireError, type WireErrorCode } from "./errors.js";
export { WireType, MAX_FIELD_NUMBER, makeTag } from "./wire-type.js";
export { BinaryReader, DEFAULT_SKIP_DEPTH, VIEW_BYTES_FROM } from "./reader.js";
export { BinaryWriter, varintSize32 } from "./writer.js";
export { utf8Encode, utf8Decode, utf8Length, isWellFormedString, utf8EncodeEscaped, utf8DecodeEscaped } from "./utf8.js";
export { zigzagEncode32, zigzagDecode32, zigzagEncode64, zigzagDecode64 } from "./zigzag.js";
export { base64Encode, base64Decode } from "./base64.js";
