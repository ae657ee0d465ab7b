/** An error in a generator's input or options: a plugin reports its message to protoc as the response `error`. */
export class PluginError extends Error {
  override name = "PluginError";
}
