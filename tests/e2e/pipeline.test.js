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
Object.defineProperty(exports, "__esModule", { value: true });
var vitest_1 = require("vitest");
var harness_ts_1 = require("./harness.ts");
var NEGATED_SENTENCE = "no visible movement or increased presence of Serbian armed forces has been observed";
vitest_1.describe.each(["pglite", "postgres"])("pipeline end to end on %s", function (backend) {
    var stack;
    var stop;
    var articles;
    var get = function (path, token) {
        var _a;
        if (token === void 0) { token = harness_ts_1.API_TOKEN; }
        return fetch(new URL(path, (_a = stack.url) !== null && _a !== void 0 ? _a : ""), token ? { headers: { authorization: "Bearer ".concat(token) } } : {});
    };
    (0, vitest_1.beforeAll)(function () { return __awaiter(void 0, void 0, void 0, function () {
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0: return [4 /*yield*/, (0, harness_ts_1.startTestStack)(backend)];
                case 1:
                    (_a = _b.sent(), stack = _a.stack, stop = _a.stop);
                    return [4 /*yield*/, (0, harness_ts_1.waitFor)(function () { return __awaiter(void 0, void 0, void 0, function () {
                            var tagged, body;
                            var _a, _b;
                            return __generator(this, function (_c) {
                                switch (_c.label) {
                                    case 0: return [4 /*yield*/, stack.store.sql.query("SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL")];
                                    case 1:
                                        tagged = _c.sent();
                                        if (((_b = (_a = tagged[0]) === null || _a === void 0 ? void 0 : _a.n) !== null && _b !== void 0 ? _b : 0) < 33)
                                            return [2 /*return*/, null];
                                        return [4 /*yield*/, get("/api/v1/articles?limit=200")];
                                    case 2: return [4 /*yield*/, (_c.sent()).json()];
                                    case 3:
                                        body = (_c.sent());
                                        return [2 /*return*/, body.articles];
                                }
                            });
                        }); }, 150000, "the 33 sample articles to be stored and tagged")];
                case 2:
                    // Every sample article fetched, extracted, tagged and stored.
                    articles = _b.sent();
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.afterAll)(function () { return __awaiter(void 0, void 0, void 0, function () { return __generator(this, function (_a) {
        return [2 /*return*/, stop === null || stop === void 0 ? void 0 : stop()];
    }); }); });
    var seed = function (n) {
        var article = articles.find(function (a) { return a.url.endsWith("/articles/seed-".concat(n)); });
        if (!article)
            throw new Error("seed ".concat(n, " not stored; have ").concat(articles.map(function (a) { return a.url; }).join(", ")));
        return article;
    };
    (0, vitest_1.it)("tags seed 001 with an asserted clash and deployment", function () {
        var claimed = seed("001")
            .indicators.filter(function (i) { return i.modality === "asserted"; })
            .map(function (i) { return i.type; });
        (0, vitest_1.expect)(claimed).toContain("clash");
        (0, vitest_1.expect)(claimed).toContain("deployment");
    });
    (0, vitest_1.it)("does not count the unobserved Serbian troop movement in seed 000 as an asserted deployment", function () {
        var fromSentence = seed("000").indicators.filter(function (i) { return i.evidence.sentence.includes(NEGATED_SENTENCE); });
        (0, vitest_1.expect)(fromSentence.filter(function (i) { return i.type === "deployment" && i.modality === "asserted"; })).toEqual([]);
    });
    (0, vitest_1.it)("keeps evidence offsets that point at the trigger in the stored text", function () { return __awaiter(void 0, void 0, void 0, function () {
        var article, row, _i, _a, ind;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    article = seed("001");
                    return [4 /*yield*/, stack.store.sql.query("SELECT text FROM articles WHERE id = $1", [
                            article.id,
                        ])];
                case 1:
                    row = (_b.sent())[0];
                    for (_i = 0, _a = article.indicators; _i < _a.length; _i++) {
                        ind = _a[_i];
                        (0, vitest_1.expect)(row === null || row === void 0 ? void 0 : row.text.slice(ind.evidence.start, ind.evidence.end)).toBe(ind.evidence.text);
                    }
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)("counts the seed story's clashes and deployments in /api/v1/trends", function () { return __awaiter(void 0, void 0, void 0, function () {
        var res, body, seedDays;
        var _a, _b, _c, _d;
        return __generator(this, function (_e) {
            switch (_e.label) {
                case 0: return [4 /*yield*/, get("/api/v1/trends?from=2023-09-20&to=2023-10-31")];
                case 1:
                    res = _e.sent();
                    (0, vitest_1.expect)(res.status).toBe(200);
                    return [4 /*yield*/, res.json()];
                case 2:
                    body = (_e.sent());
                    (0, vitest_1.expect)((_a = body.totals.clash) !== null && _a !== void 0 ? _a : 0).toBeGreaterThan(0);
                    (0, vitest_1.expect)((_b = body.totals.deployment) !== null && _b !== void 0 ? _b : 0).toBeGreaterThan(0);
                    seedDays = body.points.filter(function (p) { return p.day === "2023-09-30" && p.type === "clash"; });
                    (0, vitest_1.expect)((_d = (_c = seedDays[0]) === null || _c === void 0 ? void 0 : _c.count) !== null && _d !== void 0 ? _d : 0).toBeGreaterThan(0);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)("refuses a request without a token", function () { return __awaiter(void 0, void 0, void 0, function () {
        var res, body;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, get("/api/v1/trends", null)];
                case 1:
                    res = _a.sent();
                    (0, vitest_1.expect)(res.status).toBe(401);
                    return [4 /*yield*/, res.json()];
                case 2:
                    body = (_a.sent());
                    (0, vitest_1.expect)(body.error.code).toBe("unauthorized");
                    return [2 /*return*/];
            }
        });
    }); });
    (0, vitest_1.it)("does not store or count anything twice when the source is polled again", function () { return __awaiter(void 0, void 0, void 0, function () {
        var before, sources, _i, sources_1, s, after, _a;
        var _b, _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0: return [4 /*yield*/, stack.store.sql.query("SELECT count(*)::int AS n FROM indicators")];
                case 1:
                    before = _d.sent();
                    return [4 /*yield*/, stack.store.sources.list()];
                case 2:
                    sources = _d.sent();
                    _i = 0, sources_1 = sources;
                    _d.label = 3;
                case 3:
                    if (!(_i < sources_1.length)) return [3 /*break*/, 6];
                    s = sources_1[_i];
                    return [4 /*yield*/, stack.queues.add("poll-source", { sourceId: s.id, reason: "manual" })];
                case 4:
                    _d.sent();
                    _d.label = 5;
                case 5:
                    _i++;
                    return [3 /*break*/, 3];
                case 6: return [4 /*yield*/, new Promise(function (r) { return setTimeout(r, 3000); })];
                case 7:
                    _d.sent();
                    return [4 /*yield*/, stack.store.sql.query("SELECT count(*)::int AS n FROM indicators")];
                case 8:
                    after = _d.sent();
                    (0, vitest_1.expect)((_b = after[0]) === null || _b === void 0 ? void 0 : _b.n).toBe((_c = before[0]) === null || _c === void 0 ? void 0 : _c.n);
                    _a = vitest_1.expect;
                    return [4 /*yield*/, stack.store.articles.count()];
                case 9:
                    _a.apply(void 0, [_d.sent()]).toBe(33);
                    return [2 /*return*/];
            }
        });
    }); });
});
