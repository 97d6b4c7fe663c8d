import { JsonCodec2, JsonShapeDeserializer2, JsonShapeSerializer2, type JsonSettings } from "@smithy/core/protocols"
import { NormalizedSchema } from "@smithy/core/schema"
import type { $ShapeDeserializer, $ShapeSerializer, Schema } from "@smithy/types"

/**
 * The SDK's JSON codec, with documents (InvokeRestApi's QueryParameters, Body and RestApiResponse:
 * Airflow's own JSON) passed as JSON.stringify and JSON.parse give them. The SDK's codec walks a
 * document value by value, recursively: a DAG run conf 2 500 levels deep, which Airflow accepts,
 * overflowed the stack there; JSON.stringify and JSON.parse take it. Everything else is the SDK's.
 */

const isDocument = (schema: Schema, value: unknown): boolean =>
  typeof value === "object" && value !== null && NormalizedSchema.of(schema).isDocumentSchema()

/** JSON with every character outside ASCII escaped (\uXXXX): the same document, in the bytes writeAscii takes. */
const asciiJson = (value: unknown): string =>
  (JSON.stringify(value) ?? "null").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

class DocumentsAsJsonSerializer extends JsonShapeSerializer2 {
  protected override writeValue(schema: Schema, value: unknown, container: NormalizedSchema | undefined): void {
    if (isDocument(schema, value)) this.writeAscii(asciiJson(value))
    else super.writeValue(schema, value, container)
  }
}

class DocumentsAsJsonDeserializer extends JsonShapeDeserializer2 {
  /**
   * The body parsed by a plain JSON.parse. The SDK parses with a reviver whenever a shape holds a
   * document (to keep big numbers exact as NumericValue objects), and JSON.parse calls a reviver
   * value by value, recursively, from JavaScript: on Node 24 a 2 500-level RestApiResponse overflowed
   * the stack there. Airflow's numbers stay the JSON numbers they always were here.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's signature for this method
  override async read(schema: Schema, data: unknown): Promise<any> {
    const text =
      typeof data === "string"
        ? data
        : data instanceof Uint8Array
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8")
          : undefined
    if (text === undefined) return super.read(schema, data as string)
    return text.length === 0 ? {} : this._read(schema, JSON.parse(text))
  }

  // biome-ignore lint/suspicious/noExplicitAny: the SDK's signature for this hook
  protected override _read(schema: Schema, value: unknown): any {
    // JSON.parse made the value: a document is already what it is.
    return isDocument(schema, value) ? value : super._read(schema, value)
  }
}

export class MwaaJsonCodec extends JsonCodec2 {
  constructor() {
    // The settings AwsRestJsonProtocol gives its own codec: restJson1's.
    const settings: JsonSettings = { timestampFormat: { useTrait: true, default: 7 }, httpBindings: true, jsonName: true }
    super(settings)
  }

  override createSerializer(): $ShapeSerializer<Uint8Array> {
    const serializer = new DocumentsAsJsonSerializer(this.settings)
    if (this.serdeContext !== undefined) serializer.setSerdeContext(this.serdeContext)
    return serializer
  }

  override createDeserializer(): $ShapeDeserializer<string> {
    const deserializer = new DocumentsAsJsonDeserializer(this.settings)
    if (this.serdeContext !== undefined) deserializer.setSerdeContext(this.serdeContext)
    return deserializer
  }
}
