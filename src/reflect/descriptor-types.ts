// Placeholder until generated.
import type { Message } from "./message.js";
type Loose<T extends string> = Message<T> & { [k: string]: any };
export type FileDescriptorSet = Loose<"google.protobuf.FileDescriptorSet">;
export type FileDescriptorProto = Loose<"google.protobuf.FileDescriptorProto">;
export type DescriptorProto = Loose<"google.protobuf.DescriptorProto">;
export type FieldDescriptorProto = Loose<"google.protobuf.FieldDescriptorProto">;
export type OneofDescriptorProto = Loose<"google.protobuf.OneofDescriptorProto">;
export type EnumDescriptorProto = Loose<"google.protobuf.EnumDescriptorProto">;
export type EnumValueDescriptorProto = Loose<"google.protobuf.EnumValueDescriptorProto">;
export type ServiceDescriptorProto = Loose<"google.protobuf.ServiceDescriptorProto">;
export type MethodDescriptorProto = Loose<"google.protobuf.MethodDescriptorProto">;
export type FeatureSet = Loose<"google.protobuf.FeatureSet">;
