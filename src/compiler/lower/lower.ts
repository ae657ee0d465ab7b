/**
 * Stage 1 and 2 of the compiler: a parsed file (FileNode) to the unlinked FileDescriptorProto
 * protoc's parser produces, with its SourceCodeInfo and error positions.
 *
 * Contract: the input is an AST parsed without errors. The output is exactly what protoc's
 * compiler::Parser fills: names and type names as written (not resolved), `type` only for scalar
 * and group fields, options as UninterpretedOptions, map entry messages synthesized after their
 * field, groups as nested messages, extension range ends exclusive, proto3 synthetic oneofs.
 * `sourceCodeInfo` holds protoc's locations in protoc's order; `table` gains the positions
 * later stages report errors at (protoc's SourceLocationTable). With `deferred`, the locations
 * inside option statements go there instead (the option interpreter adds back those it keeps).
 */
import type { FileNode } from "../ast.js";
import type { FileDescriptorProto, FileOptions } from "../../reflect/descriptor-types.js";
import { LowerContext } from "./context.js";
import { lowerEnum, lowerService } from "./lower-enum-service.js";
import { ensureOptions, lowerOption } from "./lower-options.js";
import { lowerExtend, lowerMessage, nestedTarget } from "./lower-message.js";
import type { SourceLocationTable } from "./locations.js";
import type { DeferredOptionLocations } from "./option-locations.js";
import { newEnum, newFile, newMessage, newService, newSourceCodeInfo } from "./protos.js";

/**
 * Lowers a parsed file; `name` is the file's name in the compilation (its virtual path). Without
 * `sourceInfo` no SourceCodeInfo is recorded (protoc always records it; it only matters for output).
 */
export function lowerFile(ast: FileNode, name: string, table: SourceLocationTable, sourceInfo = true, deferred?: DeferredOptionLocations): FileDescriptorProto {
  const ctx = new LowerContext(ast, table, sourceInfo, deferred);
  const rec = ctx.rec;
  const file = newFile();
  file.name = name;
  rec.add([], ast);
  ctx.mark(file, "OTHER", ast.start);
  const syntax = ast.syntax;
  if (syntax !== undefined) {
    rec.add([12], syntax, syntax.comments);
    ctx.mark(file, "EDITIONS", syntax.start);
    file.syntax = ctx.syntax;
    if (syntax.edition !== undefined) file.edition = syntax.edition as FileDescriptorProto["edition"];
  }
  const topLevel = nestedTarget(ctx, file.messageType, [], 4);
  for (const d of ast.decls) {
    switch (d.kind) {
      case "empty":
        break;
      case "package":
        rec.add([2], d, d.comments);
        ctx.mark(file, "NAME", d.start);
        file.package = d.name;
        break;
      case "import":
        if (d.modifier === "option") {
          rec.add([15, file.optionDependency.length], d, d.comments);
          table.addImport(file, d.path, rec.at(d.start));
          file.optionDependency.push(d.path);
          break;
        }
        rec.add([3, file.dependency.length], d, d.comments);
        if (d.modifier === "public") {
          rec.token([10, file.publicDependency.length], d.modifierToken!);
          file.publicDependency.push(file.dependency.length);
        } else if (d.modifier === "weak") {
          rec.token([11, file.weakDependency.length], d.modifierToken!);
          table.addImport(file, "weak", rec.at(d.modifierToken!));
          file.weakDependency.push(file.dependency.length);
        }
        table.addImport(file, d.path, rec.at(d.start));
        file.dependency.push(d.path);
        break;
      case "option":
        rec.add([8], d);
        lowerOption(ctx, d, ensureOptions<FileOptions>(file, "file"), [8]);
        break;
      case "message": {
        const p = [4, file.messageType.length];
        rec.add(p, d, d.comments);
        const m = newMessage();
        file.messageType.push(m);
        lowerMessage(ctx, d, m, p);
        break;
      }
      case "enum": {
        const p = [5, file.enumType.length];
        rec.add(p, d, d.comments);
        const e = newEnum();
        file.enumType.push(e);
        lowerEnum(ctx, d, e, p);
        break;
      }
      case "service": {
        const p = [6, file.service.length];
        rec.add(p, d, d.comments);
        const s = newService();
        file.service.push(s);
        lowerService(ctx, d, s, p);
        break;
      }
      case "extend":
        lowerExtend(ctx, d, file.extension, [7], topLevel);
        break;
    }
  }
  if (sourceInfo) file.sourceCodeInfo = newSourceCodeInfo(rec.locations);
  return file;
}
