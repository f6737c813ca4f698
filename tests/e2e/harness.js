"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
var _a, _b;
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_TOKEN = exports.REDIS_URL = exports.DATABASE_URL = void 0;
exports.startTestStack = startTestStack;
exports.waitFor = waitFor;
var promises_1 = require("node:fs/promises");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var config_1 = require("@seismo/config");
var observability_1 = require("@seismo/observability");
var stack_1 = require("@seismo/stack");
var pg_1 = require("pg");
exports.DATABASE_URL = (_a = process.env.DATABASE_URL) !== null && _a !== void 0 ? _a : "postgres://postgres@127.0.0.1:5432/test";
exports.REDIS_URL = (_b = process.env.REDIS_URL) !== null && _b !== void 0 ? _b : "redis://127.0.0.1:6379";
exports.API_TOKEN = "e2e-operator-token-0123456789";
/**
 * Starts the whole pipeline (API, workers, scheduler, offline sample source) on real Redis and a
 * real database, isolated by a unique queue prefix, data folder and (PostgreSQL) schema.
 */
function startTestStack(backend) {
    return __awaiter(this, void 0, void 0, function () {
        var id, dataDir, schema, config, storeTarget, stack, stop;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    id = "".concat(process.pid, "_").concat(Date.now().toString(36));
                    return [4 /*yield*/, (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "seismo-e2e-"))];
                case 1:
                    dataDir = _a.sent();
                    schema = "e2e_".concat(id);
                    config = (0, config_1.parseConfig)({
                        SEISMO_DATA_DIR: dataDir,
                        REDIS_URL: exports.REDIS_URL,
                        SEISMO_QUEUE_PREFIX: "{seismo-e2e-".concat(id, "}"),
                        PORT: "0",
                        SEISMO_SAMPLE_PORT: "0",
                        SEISMO_OFFLINE: "true",
                        SEISMO_API_TOKEN: exports.API_TOKEN,
                        SEISMO_SOURCES_FILE: new URL("../../sources.json", import.meta.url).pathname,
                        SEISMO_CONCURRENCY: "4",
                    });
                    storeTarget = backend === "postgres"
                        ? { kind: "postgres", url: exports.DATABASE_URL, schema: schema }
                        : { kind: "pglite", dataDir: (0, node_path_1.join)(dataDir, "pglite") };
                    return [4 /*yield*/, (0, stack_1.startStack)({
                            config: config,
                            logger: (0, observability_1.silentLogger)(),
                            parts: { api: true, workers: true, scheduler: true, sampleSource: true, sourcesFile: true },
                            schedulerTickMs: 500,
                            storeTarget: storeTarget,
                        })];
                case 2:
                    stack = _a.sent();
                    stop = function () { return __awaiter(_this, void 0, void 0, function () {
                        var _i, _a, q, client;
                        return __generator(this, function (_b) {
                            switch (_b.label) {
                                case 0: return [4 /*yield*/, stack.close()];
                                case 1:
                                    _b.sent();
                                    _i = 0, _a = stack.queues.queues.values();
                                    _b.label = 2;
                                case 2:
                                    if (!(_i < _a.length)) return [3 /*break*/, 5];
                                    q = _a[_i];
                                    return [4 /*yield*/, q.obliterate({ force: true }).catch(function () { return undefined; })];
                                case 3:
                                    _b.sent();
                                    _b.label = 4;
                                case 4:
                                    _i++;
                                    return [3 /*break*/, 2];
                                case 5: return [4 /*yield*/, stack.queues.close()];
                                case 6:
                                    _b.sent();
                                    if (!(backend === "postgres")) return [3 /*break*/, 10];
                                    client = new pg_1.default.Client({ connectionString: exports.DATABASE_URL });
                                    return [4 /*yield*/, client.connect()];
                                case 7:
                                    _b.sent();
                                    return [4 /*yield*/, client.query("DROP SCHEMA IF EXISTS ".concat(schema, " CASCADE"))];
                                case 8:
                                    _b.sent();
                                    return [4 /*yield*/, client.end()];
                                case 9:
                                    _b.sent();
                                    _b.label = 10;
                                case 10: return [4 /*yield*/, (0, promises_1.rm)(dataDir, { recursive: true, force: true })];
                                case 11:
                                    _b.sent();
                                    return [2 /*return*/];
                            }
                        });
                    }); };
                    return [2 /*return*/, { stack: stack, stop: stop }];
            }
        });
    });
}
/** Polls `check` until it returns a value, or fails with the last state after `timeoutMs`. */
function waitFor(check, timeoutMs, what) {
    return __awaiter(this, void 0, void 0, function () {
        var deadline, last, value, error_1;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    deadline = Date.now() + timeoutMs;
                    last = null;
                    _a.label = 1;
                case 1:
                    if (!(Date.now() < deadline)) return [3 /*break*/, 7];
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, 4, , 5]);
                    return [4 /*yield*/, check()];
                case 3:
                    value = _a.sent();
                    if (value !== null && value !== undefined)
                        return [2 /*return*/, value];
                    return [3 /*break*/, 5];
                case 4:
                    error_1 = _a.sent();
                    last = error_1;
                    return [3 /*break*/, 5];
                case 5: return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, 500); })];
                case 6:
                    _a.sent();
                    return [3 /*break*/, 1];
                case 7: throw new Error("timed out waiting for ".concat(what).concat(last ? ": ".concat(String(last)) : ""));
            }
        });
    });
}
