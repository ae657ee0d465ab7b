/** A proto2 schema exercising every kind of field, shared by the message operation tests. */
export const testProto = {
  "ops.proto": `
syntax = "proto2";
package ops;

enum Color { RED = 1; GREEN = 2; BLUE = 3; }

message Inner {
  optional int32 a = 1;
  required string r = 2;
  repeated int32 xs = 3;
}

message Outer {
  optional int32 i32 = 1 [default = 42];
  optional string s = 2 [default = "hi"];
  optional bytes b = 3 [default = "\\001\\x02z"];
  optional double d = 4 [default = nan];
  optional Color color = 5;
  optional Inner inner = 6;
  repeated Inner inners = 7;
  map<string, Inner> by_name = 8;
  map<int64, string> by_id = 9;
  oneof choice {
    string text = 10;
    Inner msg = 11;
  }
  repeated float fs = 12 [packed = true];
  optional uint64 big = 13;
  extensions 100 to 199;
}

extend Outer {
  optional int32 ext_int = 100;
  repeated string ext_strs = 101;
  optional Inner ext_msg = 102;
}
`,
};
