#!/usr/bin/python3
"""Writes src/server/openapi.json, the OpenAPI 3 document `vigil serve` serves
at /openapi.json (embedded into the binary). docs/API.md is the prose
reference; this is the machine-readable one. tests/server checks that every
path here answers (not 404/405) on a running server.

Re-run after changing a route:  /usr/bin/python3 src/server/gen_openapi.py
"""
import json
import os

OBJ = {"type": "object"}


def ref(name):
    return {"$ref": "#/components/schemas/" + name}


def arr(items):
    return {"type": "array", "items": items}


def obj(props, required=()):
    o = {"type": "object", "properties": props}
    if required:
        o["required"] = list(required)
    return o


S = {"type": "string"}
I = {"type": "integer"}
N = {"type": "number"}
B = {"type": "boolean"}
NS = {"type": "string", "nullable": True}

SCHEMAS = {
    "Error": obj({"error": obj({"code": S, "message": S}, ["code", "message"])}, ["error"]),
    "EntityQuery": obj(
        {
            "id": S,
            "schema": {"type": "string",
                       "enum": ["Thing", "LegalEntity", "Person", "Organization", "Company",
                                "Vessel", "Aircraft"]},
            "properties": {"type": "object",
                           "additionalProperties": {"oneOf": [S, arr(S)]}},
        },
        ["schema", "properties"],
    ),
    "Entity": obj(
        {
            "id": S, "schema": S, "caption": S,
            "properties": {"type": "object", "additionalProperties": arr(S)},
            "datasets": arr(S), "referents": arr(S), "target": B,
        },
        ["id", "schema", "caption", "properties", "datasets"],
    ),
    "ScoredEntity": {"allOf": [ref("Entity"), obj({
        "score": N, "match": B,
        "features": {"type": "object", "additionalProperties": N},
        "explanation": OBJ,
    })]},
    "Total": obj({"value": I, "relation": S}),
    "MatchRequest": obj({"queries": {"type": "object",
                                     "additionalProperties": ref("EntityQuery")},
                         "weights": OBJ}, ["queries"]),
    "MatchResponse": obj({
        "responses": {"type": "object", "additionalProperties": obj({
            "status": I, "query": OBJ, "results": arr(ref("ScoredEntity")),
            "total": ref("Total")})},
        "matcher": obj({"name": S, "threshold": N}),
        "limit": I,
    }),
    "SearchResponse": obj({"results": arr(ref("ScoredEntity")), "total": ref("Total"),
                           "limit": I, "offset": I, "facets": OBJ}),
    "Catalog": obj({"datasets": arr(obj({"name": S, "title": S, "version": S, "source": S,
                                         "entities": I, "load": B, "children": arr(S)})),
                    "current": arr(S), "outdated": arr(S), "index_stale": B,
                    "entities": I, "loaded_at": S}),
    "Alert": obj({
        "id": I, "status": {"type": "string",
                            "enum": ["open", "match", "no_match", "escalated", "suppressed"]},
        "score": N, "dataset": S, "subject_id": I, "subject_caption": S, "reference": S,
        "entity_id": S, "entity_caption": S, "screening_id": I, "fingerprint": S,
        "suppressed_by": {"type": "object", "nullable": True, "properties": {
            "alert_id": I, "decision_id": I, "decided_by": S, "decided_at": S, "comment": S}},
        "created_at": S, "updated_at": S,
        "explanation": OBJ, "entity": OBJ, "subject": OBJ, "history": arr(OBJ), "new": B,
    }),
    "AlertPage": obj({"alerts": arr(ref("Alert")), "page": I, "page_size": I, "total": I}),
    "ScreeningRequest": obj({"subject": ref("EntityQuery"), "reference": S, "requested_by": S,
                             "threshold": N, "limit": I, "datasets": arr(S)}, ["subject"]),
    "ScreeningResponse": obj({"screening_id": I,
                              "subject": obj({"id": I, "key": S, "entity": OBJ}),
                              "reference": S, "requested_by": S, "alerts": arr(ref("Alert")),
                              "suppressed": I, "created_at": S}),
    "DecisionRequest": obj({"decision": {"type": "string",
                                         "enum": ["match", "no_match", "escalate"]},
                            "comment": S}, ["decision"]),
    "DecisionResponse": obj({"decision_id": I, "alert": ref("Alert")}),
    "Case": obj({
        "id": I, "title": S, "description": S,
        "status": {"type": "string", "enum": ["open", "investigating", "referred", "closed"]},
        "counterpart": NS, "reference": NS, "created_by": S, "created_at": S,
        "updated_at": S, "alert_ids": arr(I), "entity_ids": arr(S),
        "notes": arr(ref("Note")),
        "timeline": arr(obj({"at": S, "actor": S, "kind": S, "detail": OBJ})),
    }),
    "CasePage": obj({"cases": arr(ref("Case")), "page": I, "page_size": I, "total": I}),
    "CaseCreate": obj({"title": S, "description": S, "alert_ids": arr(I),
                       "entity_ids": arr(S)}, ["title"]),
    "CaseUpdate": obj({"status": S, "counterpart": S, "reference": S, "comment": S,
                       "title": S, "description": S}),
    "Note": obj({"id": I, "author": S, "text": S, "created_at": S}),
    "NoteCreate": obj({"text": S}, ["text"]),
    "CaseLinks": obj({"alert_ids": arr(I), "entity_ids": arr(S)}),
    "Batch": obj({"id": S, "status": S, "total": I, "done": I, "failed": I, "alerts": I,
                  "created_by": S, "created_at": S, "finished_at": NS,
                  "results": arr(obj({"line": I, "reference": S, "subject_id": I,
                                      "screening_id": I, "alert_ids": arr(I),
                                      "error": NS}))}),
    "BatchRows": obj({"rows": arr(obj({
        "line": I, "reference": S, "subject_id": {"type": "integer", "nullable": True},
        "subject_caption": S, "alert_id": {"type": "integer", "nullable": True},
        "alert_status": NS, "entity_id": NS, "entity_caption": NS, "dataset": NS,
        "score": {"type": "number", "nullable": True}, "error": NS}))}),
    "AuditRecord": obj({"seq": I, "at": S, "actor": S, "action": S, "object_type": S,
                        "object_id": S, "before": OBJ, "after": OBJ, "prev_hash": S,
                        "hash": S}),
    "AuditPage": obj({"records": arr(ref("AuditRecord")), "next": {"type": "integer",
                                                                   "nullable": True}}),
    "AuditVerify": obj({"ok": B, "records": I,
                        "first_bad": {"type": "object", "nullable": True,
                                      "properties": {"seq": I, "reason": S}}}),
    "Key": obj({"id": S, "name": S, "role": {"type": "string",
                                             "enum": ["viewer", "analyst", "admin"]},
                "created_at": S, "revoked_at": NS, "key": S}),
    "KeyCreate": obj({"name": S, "role": {"type": "string",
                                          "enum": ["viewer", "analyst", "admin"]}},
                     ["name", "role"]),
    "WhoAmI": obj({"key_id": S, "name": S, "role": S}),
    "Stats": obj({"alerts_by_day": arr(obj({"day": S, "count": I})),
                  "alerts_by_status": OBJ, "score_histogram": arr(obj({"lo": N, "hi": N,
                                                                        "count": I})),
                  "decisions_by_outcome": OBJ, "decisions_by_analyst": arr(OBJ),
                  "cases_by_status": OBJ}),
    "Reload": obj({"status": S, "entities": I, "datasets": arr(OBJ), "took_ms": N}),
    "ReloadState": obj({"running": B, "last": {"type": "object", "nullable": True}}),
    "Health": obj({"status": S, "entities": I}),
}


def q(name, schema, desc, repeat=False, required=False):
    p = {"name": name, "in": "query", "description": desc, "required": required,
         "schema": arr(schema) if repeat else schema}
    if repeat:
        p["explode"] = True
    return p


def path_param(name, desc):
    return {"name": name, "in": "path", "required": True, "schema": S, "description": desc}


PAGE = [q("page", I, "1-based page"), q("page_size", I, "items per page (max 500)")]
DATASET = path_param("dataset", "\"default\" (all loaded lists) or a dataset name")

# (method, path, role, summary, params, request schema, status, response schema)
ROUTES = [
    ("get", "/healthz", None, "The process is up", [], None, 200, "Health"),
    ("get", "/readyz", None, "Lists loaded and store open (503 otherwise)", [], None, 200,
     "Health"),
    ("get", "/openapi.json", None, "This document", [], None, 200, None),
    ("get", "/metrics", None, "Prometheus metrics (text)", [], None, 200, "text"),
    ("get", "/whoami", "viewer", "The calling key's id, name and role", [], None, 200, "WhoAmI"),
    ("get", "/catalog", "viewer", "Loaded datasets", [], None, 200, "Catalog"),
    ("post", "/match/{dataset}", "analyst", "Match entities (yente-compatible)",
     [DATASET, q("threshold", N, "match threshold, default 0.70"),
      q("cutoff", N, "drop results scoring below this"),
      q("limit", I, "results per query, default 5"),
      q("include_dataset", S, "only these datasets", repeat=True),
      q("exclude_dataset", S, "not these datasets", repeat=True),
      q("exclude_entity_ids", S, "not these entities", repeat=True),
      q("algorithm", S, "accepted for yente compatibility; ignored")],
     "MatchRequest", 200, "MatchResponse"),
    ("get", "/search/{dataset}", "viewer", "Free-text name search",
     [DATASET, q("q", S, "the name to look for", required=True),
      q("schema", S, "schema of the name, default Thing"),
      q("countries", S, "country codes", repeat=True), q("limit", I, "default 10"),
      q("offset", I, "default 0")], None, 200, "SearchResponse"),
    ("get", "/entities/{id}", "viewer", "A list entity",
     [path_param("id", "entity id")], None, 200, "Entity"),
    ("post", "/screenings", "analyst", "Screen a subject and record alerts", [],
     "ScreeningRequest", 201, "ScreeningResponse"),
    ("post", "/screenings/batch", "analyst", "Screen a CSV or NDJSON file in the background",
     [q("threshold", N, "default 0.70"), q("limit", I, "hits per subject, default 10"),
      q("reference", S, "reference for rows without one")], "batch", 202, "Batch"),
    ("get", "/batches/{id}", "viewer", "Batch progress and results",
     [path_param("id", "batch id, b_N")], None, 200, "Batch"),
    ("get", "/batches/{id}/results", "viewer", "Batch results, one row per hit",
     [path_param("id", "batch id, b_N")], None, 200, "BatchRows"),
    ("get", "/batches/{id}/results.csv", "viewer", "Batch results as CSV",
     [path_param("id", "batch id, b_N")], None, 200, "csv"),
    ("get", "/alerts", "viewer", "Alerts, newest first",
     [q("status", S, "open | match | no_match | escalated | suppressed; repeatable or "
        "comma-separated", repeat=True),
      q("dataset", S, "list dataset"), q("min_score", N, "lowest score (inclusive)"),
      q("max_score", N, "highest score (exclusive; 1.0 inclusive)"),
      q("subject_id", I, "one subject"), q("since", S, "created at or after (ISO date/time)"),
      q("until", S, "created before (ISO date/time)"),
      q("sort", S, "created_at | -created_at (default) | score | -score")] + PAGE, None, 200,
     "AlertPage"),
    ("get", "/alerts/{id}", "viewer", "An alert with subject, entity, explanation, history",
     [path_param("id", "alert id")], None, 200, "Alert"),
    ("post", "/alerts/{id}/decision", "analyst", "Decide an alert",
     [path_param("id", "alert id")], "DecisionRequest", 200, "DecisionResponse"),
    ("post", "/cases", "analyst", "Open a case", [], "CaseCreate", 201, "Case"),
    ("get", "/cases", "viewer", "Cases, newest first",
     [q("status", S, "open | investigating | referred | closed")] + PAGE, None, 200,
     "CasePage"),
    ("get", "/cases/{id}", "viewer", "A case with notes and timeline",
     [path_param("id", "case id")], None, 200, "Case"),
    ("patch", "/cases/{id}", "analyst", "Change a case's status or text",
     [path_param("id", "case id")], "CaseUpdate", 200, "Case"),
    ("post", "/cases/{id}/notes", "analyst", "Add a note",
     [path_param("id", "case id")], "NoteCreate", 201, "Note"),
    ("post", "/cases/{id}/links", "analyst", "Link alerts and entities",
     [path_param("id", "case id")], "CaseLinks", 200, "Case"),
    ("get", "/stats", "viewer", "Dashboard figures", [q("days", I, "window, default 30")],
     None, 200, "Stats"),
    ("get", "/audit", "viewer", "The audit log",
     [q("since", S, "a seq (records after it) or an ISO time"),
      q("limit", I, "default 100, max 1000")], None, 200, "AuditPage"),
    ("get", "/audit/verify", "viewer", "Recompute the audit hash chain", [], None, 200,
     "AuditVerify"),
    ("get", "/keys", "admin", "API keys (never the keys themselves)", [], None, 200, "keys"),
    ("post", "/keys", "admin", "Create a key (returned once)", [], "KeyCreate", 201, "Key"),
    ("delete", "/keys/{id}", "admin", "Revoke a key", [path_param("id", "key id, vk_...")],
     None, 200, "Key"),
    ("post", "/admin/reload", "admin", "Reload lists; swap atomically", [], None, 200,
     "Reload"),
    ("get", "/admin/reload", "admin", "Last reload result", [], None, 200, "ReloadState"),
]

ERRORS = {
    "400": "invalid_argument: malformed JSON, wrong types, unknown schema or field",
    "401": "unauthenticated: missing, unknown or revoked key",
    "403": "permission_denied: the key's role may not call this route",
    "404": "not_found",
    "409": "failed_precondition",
    "413": "resource_exhausted: a limit was hit",
}


def content_for(name):
    if name is None:
        return {"application/json": {"schema": OBJ}}
    if name == "text":
        return {"text/plain": {"schema": S}}
    if name == "csv":
        return {"text/csv": {"schema": S}}
    if name == "keys":
        return {"application/json": {"schema": obj({"keys": arr(ref("Key"))})}}
    return {"application/json": {"schema": ref(name)}}


def main():
    paths = {}
    for method, path, role, summary, params, req, status, resp in ROUTES:
        op = {
            "summary": summary,
            "description": "Role: " + (role or "open (no key)") + ". See docs/API.md.",
            "operationId": method + path.replace("/", "_").replace("{", "").replace("}", "")
            .replace(".", "_"),
            "parameters": params,
            "responses": {str(status): {"description": "success", "content": content_for(resp)}},
        }
        if role:
            op["security"] = [{"bearer": []}]
            op["x-vigil-role"] = role
        else:
            op["security"] = []
        if req == "batch":
            op["requestBody"] = {"required": True, "content": {
                "text/csv": {"schema": S}, "application/x-ndjson": {"schema": S}}}
        elif req:
            op["requestBody"] = {"required": True,
                                 "content": {"application/json": {"schema": ref(req)}}}
        for code, desc in ERRORS.items():
            if not role and code in ("401", "403"):
                continue
            op["responses"][code] = {"description": desc, "content": {
                "application/json": {"schema": ref("Error")}}}
        paths.setdefault(path, {})[method] = op
    doc = {
        "openapi": "3.0.3",
        "info": {
            "title": "vigil",
            "version": "0.1.0",
            "description": "Watchlist screening and review workflow. POST /match/{dataset} "
                           "is compatible with OpenSanctions yente. Reference: docs/API.md.",
        },
        "servers": [{"url": "http://127.0.0.1:8000"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "Authorization: Bearer vk_..."}},
            "schemas": SCHEMAS,
        },
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openapi.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
