import { z } from "zod";
import { apiRoutes, errorMessages, openApiPath, type RouteContract } from "@xinyuan/shared";

/** OpenAPI 3.1 document generated from the shared route contracts and their zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, contract] of Object.entries(apiRoutes) as Array<[string, RouteContract]>) {
    const path = openApiPath(contract.path);
    const parameters = [...contract.path.matchAll(/:([a-zA-Z]+)/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
    if (contract.query) {
      const schema = z.toJSONSchema(contract.query, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        parameters.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: property as { type: string } });
      }
    }
    paths[path] ??= {};
    paths[path][contract.method] = {
      operationId,
      summary: contract.summary,
      tags: [contract.tag],
      ...(contract.audience === "public" ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(contract.body
        ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(contract.body, { io: "input", unrepresentable: "any" }) } } } }
        : {}),
      responses: {
        "200": { description: "成功" },
        default: { description: "错误", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "心援 XinYuan API", version: "1.0.0", description: "县域学校心理援助平台接口" },
    servers: [{ url: "/api/v1" }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string", enum: Object.keys(errorMessages) }, message: { type: "string" }, details: {} },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
  };
}
