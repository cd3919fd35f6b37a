// The API docs: Swagger UI (from the swagger-ui-bundle package, served locally) over /openapi.json.
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
