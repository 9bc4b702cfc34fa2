"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/pino-std-serializers/lib/err-helpers.js
var require_err_helpers = __commonJS({
  "node_modules/pino-std-serializers/lib/err-helpers.js"(exports2, module2) {
    "use strict";
    var isErrorLike = (err) => {
      return err && typeof err.message === "string";
    };
    var getErrorCause = (err) => {
      if (!err) return;
      const cause = err.cause;
      if (typeof cause === "function") {
        const causeResult = err.cause();
        return isErrorLike(causeResult) ? causeResult : void 0;
      } else {
        return isErrorLike(cause) ? cause : void 0;
      }
    };
    var _stackWithCauses = (err, seen) => {
      if (!isErrorLike(err)) return "";
      const stack = err.stack || "";
      if (seen.has(err)) {
        return stack + "\ncauses have become circular...";
      }
      const cause = getErrorCause(err);
      if (cause) {
        seen.add(err);
        return stack + "\ncaused by: " + _stackWithCauses(cause, seen);
      } else {
        return stack;
      }
    };
    var stackWithCauses = (err) => _stackWithCauses(err, /* @__PURE__ */ new Set());
    var _messageWithCauses = (err, seen, skip) => {
      if (!isErrorLike(err)) return "";
      const message = skip ? "" : err.message || "";
      if (seen.has(err)) {
        return message + ": ...";
      }
      const cause = getErrorCause(err);
      if (cause) {
        seen.add(err);
        const skipIfVErrorStyleCause = typeof err.cause === "function";
        return message + (skipIfVErrorStyleCause ? "" : ": ") + _messageWithCauses(cause, seen, skipIfVErrorStyleCause);
      } else {
        return message;
      }
    };
    var messageWithCauses = (err) => _messageWithCauses(err, /* @__PURE__ */ new Set());
    module2.exports = {
      isErrorLike,
      getErrorCause,
      stackWithCauses,
      messageWithCauses
    };
  }
});

// node_modules/pino-std-serializers/lib/err-proto.js
var require_err_proto = __commonJS({
  "node_modules/pino-std-serializers/lib/err-proto.js"(exports2, module2) {
    "use strict";
    var seen = /* @__PURE__ */ Symbol("circular-ref-tag");
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-err-ref");
    var pinoErrProto = Object.create({}, {
      type: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      message: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      stack: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      aggregateErrors: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoErrProto, rawSymbol, {
      writable: true,
      value: {}
    });
    module2.exports = {
      pinoErrProto,
      pinoErrorSymbols: {
        seen,
        rawSymbol
      }
    };
  }
});

// node_modules/pino-std-serializers/lib/err.js
var require_err = __commonJS({
  "node_modules/pino-std-serializers/lib/err.js"(exports2, module2) {
    "use strict";
    module2.exports = errSerializer;
    var { messageWithCauses, stackWithCauses, isErrorLike } = require_err_helpers();
    var { pinoErrProto, pinoErrorSymbols } = require_err_proto();
    var { seen } = pinoErrorSymbols;
    var { toString } = Object.prototype;
    function errSerializer(err) {
      if (!isErrorLike(err)) {
        return err;
      }
      err[seen] = void 0;
      const _err = Object.create(pinoErrProto);
      _err.type = toString.call(err.constructor) === "[object Function]" ? err.constructor.name : err.name;
      _err.message = messageWithCauses(err);
      _err.stack = stackWithCauses(err);
      if (Array.isArray(err.errors)) {
        _err.aggregateErrors = err.errors.map((err2) => errSerializer(err2));
      }
      for (const key in err) {
        if (_err[key] === void 0) {
          const val = err[key];
          if (isErrorLike(val)) {
            if (key !== "cause" && !Object.prototype.hasOwnProperty.call(val, seen)) {
              _err[key] = errSerializer(val);
            }
          } else {
            _err[key] = val;
          }
        }
      }
      delete err[seen];
      _err.raw = err;
      return _err;
    }
  }
});

// node_modules/pino-std-serializers/lib/err-with-cause.js
var require_err_with_cause = __commonJS({
  "node_modules/pino-std-serializers/lib/err-with-cause.js"(exports2, module2) {
    "use strict";
    module2.exports = errWithCauseSerializer;
    var { isErrorLike } = require_err_helpers();
    var { pinoErrProto, pinoErrorSymbols } = require_err_proto();
    var { seen } = pinoErrorSymbols;
    var { toString } = Object.prototype;
    function errWithCauseSerializer(err) {
      if (!isErrorLike(err)) {
        return err;
      }
      err[seen] = void 0;
      const _err = Object.create(pinoErrProto);
      _err.type = toString.call(err.constructor) === "[object Function]" ? err.constructor.name : err.name;
      _err.message = err.message;
      _err.stack = err.stack;
      if (Array.isArray(err.errors)) {
        _err.aggregateErrors = err.errors.map((err2) => errWithCauseSerializer(err2));
      }
      if (isErrorLike(err.cause) && !Object.prototype.hasOwnProperty.call(err.cause, seen)) {
        _err.cause = errWithCauseSerializer(err.cause);
      }
      for (const key in err) {
        if (_err[key] === void 0) {
          const val = err[key];
          if (isErrorLike(val)) {
            if (!Object.prototype.hasOwnProperty.call(val, seen)) {
              _err[key] = errWithCauseSerializer(val);
            }
          } else {
            _err[key] = val;
          }
        }
      }
      delete err[seen];
      _err.raw = err;
      return _err;
    }
  }
});

// node_modules/pino-std-serializers/lib/req.js
var require_req = __commonJS({
  "node_modules/pino-std-serializers/lib/req.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      mapHttpRequest,
      reqSerializer
    };
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-req-ref");
    var pinoReqProto = Object.create({}, {
      id: {
        enumerable: true,
        writable: true,
        value: ""
      },
      method: {
        enumerable: true,
        writable: true,
        value: ""
      },
      url: {
        enumerable: true,
        writable: true,
        value: ""
      },
      query: {
        enumerable: true,
        writable: true,
        value: ""
      },
      params: {
        enumerable: true,
        writable: true,
        value: ""
      },
      headers: {
        enumerable: true,
        writable: true,
        value: {}
      },
      remoteAddress: {
        enumerable: true,
        writable: true,
        value: ""
      },
      remotePort: {
        enumerable: true,
        writable: true,
        value: ""
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoReqProto, rawSymbol, {
      writable: true,
      value: {}
    });
    function reqSerializer(req) {
      const connection = req.info || req.socket;
      const _req = Object.create(pinoReqProto);
      _req.id = typeof req.id === "function" ? req.id() : req.id || (req.info ? req.info.id : void 0);
      _req.method = req.method;
      if (req.originalUrl) {
        _req.url = req.originalUrl;
      } else {
        const path6 = req.path;
        _req.url = typeof path6 === "string" ? path6 : req.url ? req.url.path || req.url : void 0;
      }
      if (req.query) {
        _req.query = req.query;
      }
      if (req.params) {
        _req.params = req.params;
      }
      _req.headers = req.headers;
      _req.remoteAddress = connection && connection.remoteAddress;
      _req.remotePort = connection && connection.remotePort;
      _req.raw = req.raw || req;
      return _req;
    }
    function mapHttpRequest(req) {
      return {
        req: reqSerializer(req)
      };
    }
  }
});

// node_modules/pino-std-serializers/lib/res.js
var require_res = __commonJS({
  "node_modules/pino-std-serializers/lib/res.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      mapHttpResponse,
      resSerializer
    };
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-res-ref");
    var pinoResProto = Object.create({}, {
      statusCode: {
        enumerable: true,
        writable: true,
        value: 0
      },
      headers: {
        enumerable: true,
        writable: true,
        value: ""
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoResProto, rawSymbol, {
      writable: true,
      value: {}
    });
    function resSerializer(res) {
      const _res = Object.create(pinoResProto);
      _res.statusCode = res.headersSent ? res.statusCode : null;
      _res.headers = res.getHeaders ? res.getHeaders() : res._headers;
      _res.raw = res;
      return _res;
    }
    function mapHttpResponse(res) {
      return {
        res: resSerializer(res)
      };
    }
  }
});

// node_modules/pino-std-serializers/index.js
var require_pino_std_serializers = __commonJS({
  "node_modules/pino-std-serializers/index.js"(exports2, module2) {
    "use strict";
    var errSerializer = require_err();
    var errWithCauseSerializer = require_err_with_cause();
    var reqSerializers = require_req();
    var resSerializers = require_res();
    module2.exports = {
      err: errSerializer,
      errWithCause: errWithCauseSerializer,
      mapHttpRequest: reqSerializers.mapHttpRequest,
      mapHttpResponse: resSerializers.mapHttpResponse,
      req: reqSerializers.reqSerializer,
      res: resSerializers.resSerializer,
      wrapErrorSerializer: function wrapErrorSerializer(customSerializer) {
        if (customSerializer === errSerializer) return customSerializer;
        return function wrapErrSerializer(err) {
          return customSerializer(errSerializer(err));
        };
      },
      wrapRequestSerializer: function wrapRequestSerializer(customSerializer) {
        if (customSerializer === reqSerializers.reqSerializer) return customSerializer;
        return function wrappedReqSerializer(req) {
          return customSerializer(reqSerializers.reqSerializer(req));
        };
      },
      wrapResponseSerializer: function wrapResponseSerializer(customSerializer) {
        if (customSerializer === resSerializers.resSerializer) return customSerializer;
        return function wrappedResSerializer(res) {
          return customSerializer(resSerializers.resSerializer(res));
        };
      }
    };
  }
});

// node_modules/pino/lib/caller.js
var require_caller = __commonJS({
  "node_modules/pino/lib/caller.js"(exports2, module2) {
    "use strict";
    var util = require("node:util");
    var getCallSites = util.getCallSites ?? util.getCallSite;
    function noOpPrepareStackTrace(_, stack) {
      return stack;
    }
    module2.exports = function getCallers() {
      if (getCallSites) {
        return getCallSites().slice(2).map((callSite) => callSite.scriptName);
      }
      const originalPrepare = Error.prepareStackTrace;
      Error.prepareStackTrace = noOpPrepareStackTrace;
      const stack = new Error().stack;
      Error.prepareStackTrace = originalPrepare;
      if (!Array.isArray(stack)) {
        return void 0;
      }
      const entries = stack.slice(2);
      const fileNames = [];
      for (const entry of entries) {
        if (!entry) {
          continue;
        }
        fileNames.push(entry.getFileName());
      }
      return fileNames;
    };
  }
});

// node_modules/@pinojs/redact/index.js
var require_redact = __commonJS({
  "node_modules/@pinojs/redact/index.js"(exports2, module2) {
    "use strict";
    function deepClone(obj) {
      if (obj === null || typeof obj !== "object") {
        return obj;
      }
      if (obj instanceof Date) {
        return new Date(obj.getTime());
      }
      if (obj instanceof Array) {
        const cloned = [];
        for (let i = 0; i < obj.length; i++) {
          cloned[i] = deepClone(obj[i]);
        }
        return cloned;
      }
      if (typeof obj === "object") {
        const cloned = Object.create(Object.getPrototypeOf(obj));
        for (const key in obj) {
          if (Object.prototype.hasOwnProperty.call(obj, key)) {
            cloned[key] = deepClone(obj[key]);
          }
        }
        return cloned;
      }
      return obj;
    }
    function parsePath(path6) {
      const parts = [];
      let current = "";
      let inBrackets = false;
      let inQuotes = false;
      let quoteChar = "";
      for (let i = 0; i < path6.length; i++) {
        const char = path6[i];
        if (!inBrackets && char === ".") {
          if (current) {
            parts.push(current);
            current = "";
          }
        } else if (char === "[") {
          if (current) {
            parts.push(current);
            current = "";
          }
          inBrackets = true;
        } else if (char === "]" && inBrackets) {
          parts.push(current);
          current = "";
          inBrackets = false;
          inQuotes = false;
        } else if ((char === '"' || char === "'") && inBrackets) {
          if (!inQuotes) {
            inQuotes = true;
            quoteChar = char;
          } else if (char === quoteChar) {
            inQuotes = false;
            quoteChar = "";
          } else {
            current += char;
          }
        } else {
          current += char;
        }
      }
      if (current) {
        parts.push(current);
      }
      return parts;
    }
    function setValue(obj, parts, value) {
      let current = obj;
      for (let i = 0; i < parts.length - 1; i++) {
        const key = parts[i];
        if (typeof current !== "object" || current === null || !(key in current)) {
          return false;
        }
        if (typeof current[key] !== "object" || current[key] === null) {
          return false;
        }
        current = current[key];
      }
      const lastKey = parts[parts.length - 1];
      if (lastKey === "*") {
        if (Array.isArray(current)) {
          for (let i = 0; i < current.length; i++) {
            current[i] = value;
          }
        } else if (typeof current === "object" && current !== null) {
          for (const key in current) {
            if (Object.prototype.hasOwnProperty.call(current, key)) {
              current[key] = value;
            }
          }
        }
      } else {
        if (typeof current === "object" && current !== null && lastKey in current && Object.prototype.hasOwnProperty.call(current, lastKey)) {
          current[lastKey] = value;
        }
      }
      return true;
    }
    function removeKey(obj, parts) {
      let current = obj;
      for (let i = 0; i < parts.length - 1; i++) {
        const key = parts[i];
        if (typeof current !== "object" || current === null || !(key in current)) {
          return false;
        }
        if (typeof current[key] !== "object" || current[key] === null) {
          return false;
        }
        current = current[key];
      }
      const lastKey = parts[parts.length - 1];
      if (lastKey === "*") {
        if (Array.isArray(current)) {
          for (let i = 0; i < current.length; i++) {
            current[i] = void 0;
          }
        } else if (typeof current === "object" && current !== null) {
          for (const key in current) {
            if (Object.prototype.hasOwnProperty.call(current, key)) {
              delete current[key];
            }
          }
        }
      } else {
        if (typeof current === "object" && current !== null && lastKey in current && Object.prototype.hasOwnProperty.call(current, lastKey)) {
          delete current[lastKey];
        }
      }
      return true;
    }
    var PATH_NOT_FOUND = /* @__PURE__ */ Symbol("PATH_NOT_FOUND");
    function getValueIfExists(obj, parts) {
      let current = obj;
      for (const part of parts) {
        if (current === null || current === void 0) {
          return PATH_NOT_FOUND;
        }
        if (typeof current !== "object" || current === null) {
          return PATH_NOT_FOUND;
        }
        if (!(part in current)) {
          return PATH_NOT_FOUND;
        }
        current = current[part];
      }
      return current;
    }
    function getValue(obj, parts) {
      let current = obj;
      for (const part of parts) {
        if (current === null || current === void 0) {
          return void 0;
        }
        if (typeof current !== "object" || current === null) {
          return void 0;
        }
        current = current[part];
      }
      return current;
    }
    function redactPaths(obj, paths, censor, remove = false) {
      for (const path6 of paths) {
        const parts = parsePath(path6);
        if (parts.includes("*")) {
          redactWildcardPath(obj, parts, censor, path6, remove);
        } else {
          if (remove) {
            removeKey(obj, parts);
          } else {
            const value = getValueIfExists(obj, parts);
            if (value === PATH_NOT_FOUND) {
              continue;
            }
            const actualCensor = typeof censor === "function" ? censor(value, parts) : censor;
            setValue(obj, parts, actualCensor);
          }
        }
      }
    }
    function redactWildcardPath(obj, parts, censor, originalPath, remove = false) {
      const wildcardIndex = parts.indexOf("*");
      if (wildcardIndex === parts.length - 1) {
        const parentParts = parts.slice(0, -1);
        let current = obj;
        for (const part of parentParts) {
          if (current === null || current === void 0) return;
          if (typeof current !== "object" || current === null) return;
          current = current[part];
        }
        if (Array.isArray(current)) {
          if (remove) {
            for (let i = 0; i < current.length; i++) {
              current[i] = void 0;
            }
          } else {
            for (let i = 0; i < current.length; i++) {
              const indexPath = [...parentParts, i.toString()];
              const actualCensor = typeof censor === "function" ? censor(current[i], indexPath) : censor;
              current[i] = actualCensor;
            }
          }
        } else if (typeof current === "object" && current !== null) {
          if (remove) {
            const keysToDelete = [];
            for (const key in current) {
              if (Object.prototype.hasOwnProperty.call(current, key)) {
                keysToDelete.push(key);
              }
            }
            for (const key of keysToDelete) {
              delete current[key];
            }
          } else {
            for (const key in current) {
              const keyPath = [...parentParts, key];
              const actualCensor = typeof censor === "function" ? censor(current[key], keyPath) : censor;
              current[key] = actualCensor;
            }
          }
        }
      } else {
        redactIntermediateWildcard(obj, parts, censor, wildcardIndex, originalPath, remove);
      }
    }
    function redactIntermediateWildcard(obj, parts, censor, wildcardIndex, originalPath, remove = false) {
      const beforeWildcard = parts.slice(0, wildcardIndex);
      const afterWildcard = parts.slice(wildcardIndex + 1);
      const pathArray = [];
      function traverse(current, pathLength) {
        if (pathLength === beforeWildcard.length) {
          if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++) {
              pathArray[pathLength] = i.toString();
              traverse(current[i], pathLength + 1);
            }
          } else if (typeof current === "object" && current !== null) {
            for (const key in current) {
              pathArray[pathLength] = key;
              traverse(current[key], pathLength + 1);
            }
          }
        } else if (pathLength < beforeWildcard.length) {
          const nextKey = beforeWildcard[pathLength];
          if (current && typeof current === "object" && current !== null && nextKey in current) {
            pathArray[pathLength] = nextKey;
            traverse(current[nextKey], pathLength + 1);
          }
        } else {
          if (afterWildcard.includes("*")) {
            const wrappedCensor = typeof censor === "function" ? (value, path6) => {
              const fullPath = [...pathArray.slice(0, pathLength), ...path6];
              return censor(value, fullPath);
            } : censor;
            redactWildcardPath(current, afterWildcard, wrappedCensor, originalPath, remove);
          } else {
            if (remove) {
              removeKey(current, afterWildcard);
            } else {
              const actualCensor = typeof censor === "function" ? censor(getValue(current, afterWildcard), [...pathArray.slice(0, pathLength), ...afterWildcard]) : censor;
              setValue(current, afterWildcard, actualCensor);
            }
          }
        }
      }
      if (beforeWildcard.length === 0) {
        traverse(obj, 0);
      } else {
        let current = obj;
        for (let i = 0; i < beforeWildcard.length; i++) {
          const part = beforeWildcard[i];
          if (current === null || current === void 0) return;
          if (typeof current !== "object" || current === null) return;
          current = current[part];
          pathArray[i] = part;
        }
        if (current !== null && current !== void 0) {
          traverse(current, beforeWildcard.length);
        }
      }
    }
    function buildPathStructure(pathsToClone) {
      if (pathsToClone.length === 0) {
        return null;
      }
      const pathStructure = /* @__PURE__ */ new Map();
      for (const path6 of pathsToClone) {
        const parts = parsePath(path6);
        let current = pathStructure;
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i];
          if (!current.has(part)) {
            current.set(part, /* @__PURE__ */ new Map());
          }
          current = current.get(part);
        }
      }
      return pathStructure;
    }
    function selectiveClone(obj, pathStructure) {
      if (!pathStructure) {
        return obj;
      }
      function cloneSelectively(source, pathMap, depth = 0) {
        if (!pathMap || pathMap.size === 0) {
          return source;
        }
        if (source === null || typeof source !== "object") {
          return source;
        }
        if (source instanceof Date) {
          return new Date(source.getTime());
        }
        if (Array.isArray(source)) {
          const cloned2 = [];
          for (let i = 0; i < source.length; i++) {
            const indexStr = i.toString();
            if (pathMap.has(indexStr) || pathMap.has("*")) {
              cloned2[i] = cloneSelectively(source[i], pathMap.get(indexStr) || pathMap.get("*"));
            } else {
              cloned2[i] = source[i];
            }
          }
          return cloned2;
        }
        const cloned = Object.create(Object.getPrototypeOf(source));
        for (const key in source) {
          if (Object.prototype.hasOwnProperty.call(source, key)) {
            if (pathMap.has(key) || pathMap.has("*")) {
              cloned[key] = cloneSelectively(source[key], pathMap.get(key) || pathMap.get("*"));
            } else {
              cloned[key] = source[key];
            }
          }
        }
        return cloned;
      }
      return cloneSelectively(obj, pathStructure);
    }
    function validatePath(path6) {
      if (typeof path6 !== "string") {
        throw new Error("Paths must be (non-empty) strings");
      }
      if (path6 === "") {
        throw new Error("Invalid redaction path ()");
      }
      if (path6.includes("..")) {
        throw new Error(`Invalid redaction path (${path6})`);
      }
      if (path6.includes(",")) {
        throw new Error(`Invalid redaction path (${path6})`);
      }
      let bracketCount = 0;
      let inQuotes = false;
      let quoteChar = "";
      for (let i = 0; i < path6.length; i++) {
        const char = path6[i];
        if ((char === '"' || char === "'") && bracketCount > 0) {
          if (!inQuotes) {
            inQuotes = true;
            quoteChar = char;
          } else if (char === quoteChar) {
            inQuotes = false;
            quoteChar = "";
          }
        } else if (char === "[" && !inQuotes) {
          bracketCount++;
        } else if (char === "]" && !inQuotes) {
          bracketCount--;
          if (bracketCount < 0) {
            throw new Error(`Invalid redaction path (${path6})`);
          }
        }
      }
      if (bracketCount !== 0) {
        throw new Error(`Invalid redaction path (${path6})`);
      }
    }
    function validatePaths(paths) {
      if (!Array.isArray(paths)) {
        throw new TypeError("paths must be an array");
      }
      for (const path6 of paths) {
        validatePath(path6);
      }
    }
    function slowRedact(options = {}) {
      const {
        paths = [],
        censor = "[REDACTED]",
        serialize = JSON.stringify,
        strict = true,
        remove = false
      } = options;
      validatePaths(paths);
      const pathStructure = buildPathStructure(paths);
      return function redact(obj) {
        if (strict && (obj === null || typeof obj !== "object")) {
          if (obj === null || obj === void 0) {
            return serialize ? serialize(obj) : obj;
          }
          if (typeof obj !== "object") {
            return serialize ? serialize(obj) : obj;
          }
        }
        const cloned = selectiveClone(obj, pathStructure);
        const original = obj;
        let actualCensor = censor;
        if (typeof censor === "function") {
          actualCensor = censor;
        }
        redactPaths(cloned, paths, actualCensor, remove);
        if (serialize === false) {
          cloned.restore = function() {
            return deepClone(original);
          };
          return cloned;
        }
        if (typeof serialize === "function") {
          return serialize(cloned);
        }
        return JSON.stringify(cloned);
      };
    }
    module2.exports = slowRedact;
  }
});

// node_modules/pino/lib/symbols.js
var require_symbols = __commonJS({
  "node_modules/pino/lib/symbols.js"(exports2, module2) {
    "use strict";
    var setLevelSym = /* @__PURE__ */ Symbol("pino.setLevel");
    var getLevelSym = /* @__PURE__ */ Symbol("pino.getLevel");
    var levelValSym = /* @__PURE__ */ Symbol("pino.levelVal");
    var levelCompSym = /* @__PURE__ */ Symbol("pino.levelComp");
    var useLevelLabelsSym = /* @__PURE__ */ Symbol("pino.useLevelLabels");
    var useOnlyCustomLevelsSym = /* @__PURE__ */ Symbol("pino.useOnlyCustomLevels");
    var mixinSym = /* @__PURE__ */ Symbol("pino.mixin");
    var lsCacheSym = /* @__PURE__ */ Symbol("pino.lsCache");
    var chindingsSym = /* @__PURE__ */ Symbol("pino.chindings");
    var asJsonSym = /* @__PURE__ */ Symbol("pino.asJson");
    var writeSym = /* @__PURE__ */ Symbol("pino.write");
    var redactFmtSym = /* @__PURE__ */ Symbol("pino.redactFmt");
    var timeSym = /* @__PURE__ */ Symbol("pino.time");
    var timeSliceIndexSym = /* @__PURE__ */ Symbol("pino.timeSliceIndex");
    var streamSym = /* @__PURE__ */ Symbol("pino.stream");
    var stringifySym = /* @__PURE__ */ Symbol("pino.stringify");
    var stringifySafeSym = /* @__PURE__ */ Symbol("pino.stringifySafe");
    var stringifiersSym = /* @__PURE__ */ Symbol("pino.stringifiers");
    var endSym = /* @__PURE__ */ Symbol("pino.end");
    var formatOptsSym = /* @__PURE__ */ Symbol("pino.formatOpts");
    var messageKeySym = /* @__PURE__ */ Symbol("pino.messageKey");
    var errorKeySym = /* @__PURE__ */ Symbol("pino.errorKey");
    var nestedKeySym = /* @__PURE__ */ Symbol("pino.nestedKey");
    var nestedKeyStrSym = /* @__PURE__ */ Symbol("pino.nestedKeyStr");
    var mixinMergeStrategySym = /* @__PURE__ */ Symbol("pino.mixinMergeStrategy");
    var msgPrefixSym = /* @__PURE__ */ Symbol("pino.msgPrefix");
    var wildcardFirstSym = /* @__PURE__ */ Symbol("pino.wildcardFirst");
    var serializersSym = /* @__PURE__ */ Symbol.for("pino.serializers");
    var formattersSym = /* @__PURE__ */ Symbol.for("pino.formatters");
    var hooksSym = /* @__PURE__ */ Symbol.for("pino.hooks");
    var needsMetadataGsym = /* @__PURE__ */ Symbol.for("pino.metadata");
    var transportUsesMultistreamSym = /* @__PURE__ */ Symbol.for("pino.transport.usesMultistream");
    module2.exports = {
      setLevelSym,
      getLevelSym,
      levelValSym,
      levelCompSym,
      useLevelLabelsSym,
      mixinSym,
      lsCacheSym,
      chindingsSym,
      asJsonSym,
      writeSym,
      serializersSym,
      redactFmtSym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      stringifySym,
      stringifySafeSym,
      stringifiersSym,
      endSym,
      formatOptsSym,
      messageKeySym,
      errorKeySym,
      nestedKeySym,
      wildcardFirstSym,
      needsMetadataGsym,
      useOnlyCustomLevelsSym,
      formattersSym,
      hooksSym,
      nestedKeyStrSym,
      mixinMergeStrategySym,
      msgPrefixSym,
      transportUsesMultistreamSym
    };
  }
});

// node_modules/pino/lib/redaction.js
var require_redaction = __commonJS({
  "node_modules/pino/lib/redaction.js"(exports2, module2) {
    "use strict";
    var Redact = require_redact();
    var { redactFmtSym, wildcardFirstSym } = require_symbols();
    var rx = /[^.[\]]+|\[([^[\]]*?)\]/g;
    var CENSOR = "[Redacted]";
    var strict = false;
    function redaction(opts, serialize) {
      const { paths, censor, remove } = handle(opts);
      const shape = paths.reduce((o, str2) => {
        rx.lastIndex = 0;
        const first = rx.exec(str2);
        const next = rx.exec(str2);
        let ns = first[1] !== void 0 ? first[1].replace(/^(?:"|'|`)(.*)(?:"|'|`)$/, "$1") : first[0];
        if (ns === "*") {
          ns = wildcardFirstSym;
        }
        if (next === null) {
          o[ns] = null;
          return o;
        }
        if (o[ns] === null) {
          return o;
        }
        const { index } = next;
        const nextPath = `${str2.substr(index, str2.length - 1)}`;
        o[ns] = o[ns] || [];
        if (ns !== wildcardFirstSym && o[ns].length === 0) {
          o[ns].push(...o[wildcardFirstSym] || []);
        }
        if (ns === wildcardFirstSym) {
          Object.keys(o).forEach(function(k) {
            if (o[k]) {
              o[k].push(nextPath);
            }
          });
        }
        o[ns].push(nextPath);
        return o;
      }, /* @__PURE__ */ Object.create(null));
      const result = Object.assign(/* @__PURE__ */ Object.create(null), {
        [redactFmtSym]: Redact({ paths, censor, serialize, strict, remove })
      });
      const topCensor = (...args) => {
        return typeof censor === "function" ? serialize(censor(...args)) : serialize(censor);
      };
      return [...Object.keys(shape), ...Object.getOwnPropertySymbols(shape)].reduce((o, k) => {
        if (shape[k] === null) {
          o[k] = (value) => topCensor(value, [k]);
        } else {
          const wrappedCensor = typeof censor === "function" ? (value, path6) => {
            return censor(value, [k, ...path6]);
          } : censor;
          o[k] = Redact({
            paths: shape[k],
            censor: wrappedCensor,
            serialize,
            strict,
            remove
          });
        }
        return o;
      }, result);
    }
    function handle(opts) {
      if (Array.isArray(opts)) {
        opts = { paths: opts, censor: CENSOR };
        return opts;
      }
      let { paths, censor = CENSOR, remove } = opts;
      if (Array.isArray(paths) === false) {
        throw Error("pino \u2013 redact must contain an array of strings");
      }
      if (remove === true) censor = void 0;
      return { paths, censor, remove };
    }
    module2.exports = redaction;
  }
});

// node_modules/pino/lib/time.js
var require_time = __commonJS({
  "node_modules/pino/lib/time.js"(exports2, module2) {
    "use strict";
    var nullTime = () => "";
    var epochTime = () => `,"time":${Date.now()}`;
    var unixTime = () => `,"time":${Math.round(Date.now() / 1e3)}`;
    var isoTime = () => `,"time":"${new Date(Date.now()).toISOString()}"`;
    var NS_PER_MS = 1000000n;
    var NS_PER_SEC = 1000000000n;
    var startWallTimeNs = BigInt(Date.now()) * NS_PER_MS;
    var startHrTime = process.hrtime.bigint();
    var isoTimeNano = () => {
      const elapsedNs = process.hrtime.bigint() - startHrTime;
      const currentTimeNs = startWallTimeNs + elapsedNs;
      const secondsSinceEpoch = currentTimeNs / NS_PER_SEC;
      const nanosWithinSecond = currentTimeNs % NS_PER_SEC;
      const msSinceEpoch = Number(secondsSinceEpoch * 1000n + nanosWithinSecond / 1000000n);
      const date = new Date(msSinceEpoch);
      const year = date.getUTCFullYear();
      const month = (date.getUTCMonth() + 1).toString().padStart(2, "0");
      const day = date.getUTCDate().toString().padStart(2, "0");
      const hours = date.getUTCHours().toString().padStart(2, "0");
      const minutes = date.getUTCMinutes().toString().padStart(2, "0");
      const seconds = date.getUTCSeconds().toString().padStart(2, "0");
      return `,"time":"${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${nanosWithinSecond.toString().padStart(9, "0")}Z"`;
    };
    module2.exports = { nullTime, epochTime, unixTime, isoTime, isoTimeNano };
  }
});

// node_modules/quick-format-unescaped/index.js
var require_quick_format_unescaped = __commonJS({
  "node_modules/quick-format-unescaped/index.js"(exports2, module2) {
    "use strict";
    function tryStringify(o) {
      try {
        return JSON.stringify(o);
      } catch (e) {
        return '"[Circular]"';
      }
    }
    module2.exports = format;
    function format(f, args, opts) {
      var ss = opts && opts.stringify || tryStringify;
      var offset = 1;
      if (typeof f === "object" && f !== null) {
        var len = args.length + offset;
        if (len === 1) return f;
        var objects = new Array(len);
        objects[0] = ss(f);
        for (var index = 1; index < len; index++) {
          objects[index] = ss(args[index]);
        }
        return objects.join(" ");
      }
      if (typeof f !== "string") {
        return f;
      }
      var argLen = args.length;
      if (argLen === 0) return f;
      var str2 = "";
      var a = 1 - offset;
      var lastPos = -1;
      var flen = f && f.length || 0;
      for (var i = 0; i < flen; ) {
        if (f.charCodeAt(i) === 37 && i + 1 < flen) {
          lastPos = lastPos > -1 ? lastPos : 0;
          switch (f.charCodeAt(i + 1)) {
            case 100:
            // 'd'
            case 102:
              if (a >= argLen)
                break;
              if (args[a] == null) break;
              if (lastPos < i)
                str2 += f.slice(lastPos, i);
              str2 += Number(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 105:
              if (a >= argLen)
                break;
              if (args[a] == null) break;
              if (lastPos < i)
                str2 += f.slice(lastPos, i);
              str2 += Math.floor(Number(args[a]));
              lastPos = i + 2;
              i++;
              break;
            case 79:
            // 'O'
            case 111:
            // 'o'
            case 106:
              if (a >= argLen)
                break;
              if (args[a] === void 0) break;
              if (lastPos < i)
                str2 += f.slice(lastPos, i);
              var type = typeof args[a];
              if (type === "string") {
                str2 += "'" + args[a] + "'";
                lastPos = i + 2;
                i++;
                break;
              }
              if (type === "function") {
                str2 += args[a].name || "<anonymous>";
                lastPos = i + 2;
                i++;
                break;
              }
              str2 += ss(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 115:
              if (a >= argLen)
                break;
              if (lastPos < i)
                str2 += f.slice(lastPos, i);
              str2 += String(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 37:
              if (lastPos < i)
                str2 += f.slice(lastPos, i);
              str2 += "%";
              lastPos = i + 2;
              i++;
              a--;
              break;
          }
          ++a;
        }
        ++i;
      }
      if (lastPos === -1)
        return f;
      else if (lastPos < flen) {
        str2 += f.slice(lastPos);
      }
      return str2;
    }
  }
});

// node_modules/atomic-sleep/index.js
var require_atomic_sleep = __commonJS({
  "node_modules/atomic-sleep/index.js"(exports2, module2) {
    "use strict";
    if (typeof SharedArrayBuffer !== "undefined" && typeof Atomics !== "undefined") {
      let sleep2 = function(ms) {
        const valid = ms > 0 && ms < Infinity;
        if (valid === false) {
          if (typeof ms !== "number" && typeof ms !== "bigint") {
            throw TypeError("sleep: ms must be a number");
          }
          throw RangeError("sleep: ms must be a number that is greater than 0 but less than Infinity");
        }
        Atomics.wait(nil, 0, 0, Number(ms));
      };
      const nil = new Int32Array(new SharedArrayBuffer(4));
      module2.exports = sleep2;
    } else {
      let sleep2 = function(ms) {
        const valid = ms > 0 && ms < Infinity;
        if (valid === false) {
          if (typeof ms !== "number" && typeof ms !== "bigint") {
            throw TypeError("sleep: ms must be a number");
          }
          throw RangeError("sleep: ms must be a number that is greater than 0 but less than Infinity");
        }
        const target = Date.now() + Number(ms);
        while (target > Date.now()) {
        }
      };
      module2.exports = sleep2;
    }
  }
});

// pino-stub:stub-2
var require_stub_2 = __commonJS({
  "pino-stub:stub-2"(exports2, module2) {
    module2.exports = function assert(ok, message) {
      if (!ok) require("node:assert")(ok, message);
    };
  }
});

// node_modules/sonic-boom/index.js
var require_sonic_boom = __commonJS({
  "node_modules/sonic-boom/index.js"(exports2, module2) {
    "use strict";
    var fs13 = require("fs");
    var EventEmitter = require("events");
    var inherits = require("util").inherits;
    var path6 = require("path");
    var sleep2 = require_atomic_sleep();
    var assert = require_stub_2();
    var BUSY_WRITE_TIMEOUT = 100;
    var kEmptyBuffer = Buffer.allocUnsafe(0);
    var MAX_WRITE = 16 * 1024;
    var kContentModeBuffer = "buffer";
    var kContentModeUtf8 = "utf8";
    var [major, minor] = (process.versions.node || "0.0").split(".").map(Number);
    var kCopyBuffer = major >= 22 && minor >= 7;
    function openFile(file, sonic) {
      sonic._opening = true;
      sonic._writing = true;
      sonic._asyncDrainScheduled = false;
      function fileOpened(err, fd) {
        if (err) {
          sonic._reopening = false;
          sonic._writing = false;
          sonic._opening = false;
          if (sonic.sync) {
            process.nextTick(() => {
              if (sonic.listenerCount("error") > 0) {
                sonic.emit("error", err);
              }
            });
          } else {
            sonic.emit("error", err);
          }
          return;
        }
        const reopening = sonic._reopening;
        sonic.fd = fd;
        sonic.file = file;
        sonic._reopening = false;
        sonic._opening = false;
        sonic._writing = false;
        if (sonic.sync) {
          process.nextTick(() => sonic.emit("ready"));
        } else {
          sonic.emit("ready");
        }
        if (sonic.destroyed) {
          return;
        }
        if (!sonic._writing && sonic._len > sonic.minLength || sonic._flushPending) {
          sonic._actualWrite();
        } else if (reopening) {
          process.nextTick(() => sonic.emit("drain"));
        }
      }
      const flags = sonic.append ? "a" : "w";
      const mode = sonic.mode;
      if (sonic.sync) {
        try {
          if (sonic.mkdir) fs13.mkdirSync(path6.dirname(file), { recursive: true });
          const fd = fs13.openSync(file, flags, mode);
          fileOpened(null, fd);
        } catch (err) {
          fileOpened(err);
          throw err;
        }
      } else if (sonic.mkdir) {
        fs13.mkdir(path6.dirname(file), { recursive: true }, (err) => {
          if (err) return fileOpened(err);
          fs13.open(file, flags, mode, fileOpened);
        });
      } else {
        fs13.open(file, flags, mode, fileOpened);
      }
    }
    function SonicBoom(opts) {
      if (!(this instanceof SonicBoom)) {
        return new SonicBoom(opts);
      }
      let { fd, dest, minLength, maxLength, maxWrite, periodicFlush, sync, append = true, mkdir, retryEAGAIN, fsync, contentMode, mode } = opts || {};
      fd = fd || dest;
      this._len = 0;
      this.fd = -1;
      this._bufs = [];
      this._lens = [];
      this._writing = false;
      this._ending = false;
      this._reopening = false;
      this._asyncDrainScheduled = false;
      this._flushPending = false;
      this._hwm = Math.max(minLength || 0, 16387);
      this.file = null;
      this.destroyed = false;
      this.minLength = minLength || 0;
      this.maxLength = maxLength || 0;
      this.maxWrite = maxWrite || MAX_WRITE;
      this._periodicFlush = periodicFlush || 0;
      this._periodicFlushTimer = void 0;
      this.sync = sync || false;
      this.writable = true;
      this._fsync = fsync || false;
      this.append = append || false;
      this.mode = mode;
      this.retryEAGAIN = retryEAGAIN || (() => true);
      this.mkdir = mkdir || false;
      let fsWriteSync;
      let fsWrite;
      if (contentMode === kContentModeBuffer) {
        this._writingBuf = kEmptyBuffer;
        this.write = writeBuffer;
        this.flush = flushBuffer;
        this.flushSync = flushBufferSync;
        this._actualWrite = actualWriteBuffer;
        fsWriteSync = () => fs13.writeSync(this.fd, this._writingBuf);
        fsWrite = () => fs13.write(this.fd, this._writingBuf, this.release);
      } else if (contentMode === void 0 || contentMode === kContentModeUtf8) {
        this._writingBuf = "";
        this.write = write;
        this.flush = flush;
        this.flushSync = flushSync;
        this._actualWrite = actualWrite;
        fsWriteSync = () => {
          if (Buffer.isBuffer(this._writingBuf)) {
            return fs13.writeSync(this.fd, this._writingBuf);
          }
          return fs13.writeSync(this.fd, this._writingBuf, "utf8");
        };
        fsWrite = () => {
          if (Buffer.isBuffer(this._writingBuf)) {
            return fs13.write(this.fd, this._writingBuf, this.release);
          }
          return fs13.write(this.fd, this._writingBuf, "utf8", this.release);
        };
      } else {
        throw new Error(`SonicBoom supports "${kContentModeUtf8}" and "${kContentModeBuffer}", but passed ${contentMode}`);
      }
      if (typeof fd === "number") {
        this.fd = fd;
        process.nextTick(() => this.emit("ready"));
      } else if (typeof fd === "string") {
        openFile(fd, this);
      } else {
        throw new Error("SonicBoom supports only file descriptors and files");
      }
      if (this.minLength >= this.maxWrite) {
        throw new Error(`minLength should be smaller than maxWrite (${this.maxWrite})`);
      }
      this.release = (err, n) => {
        if (err) {
          if ((err.code === "EAGAIN" || err.code === "EBUSY") && this.retryEAGAIN(err, this._writingBuf.length, this._len - this._writingBuf.length)) {
            if (this.sync) {
              try {
                sleep2(BUSY_WRITE_TIMEOUT);
                this.release(void 0, 0);
              } catch (err2) {
                this.release(err2);
              }
            } else {
              setTimeout(fsWrite, BUSY_WRITE_TIMEOUT);
            }
          } else {
            this._writing = false;
            this.emit("error", err);
          }
          return;
        }
        this.emit("write", n);
        const releasedBufObj = releaseWritingBuf(this._writingBuf, this._len, n);
        this._len = releasedBufObj.len;
        this._writingBuf = releasedBufObj.writingBuf;
        if (this._writingBuf.length) {
          if (!this.sync) {
            fsWrite();
            return;
          }
          try {
            do {
              const n2 = fsWriteSync();
              const releasedBufObj2 = releaseWritingBuf(this._writingBuf, this._len, n2);
              this._len = releasedBufObj2.len;
              this._writingBuf = releasedBufObj2.writingBuf;
            } while (this._writingBuf.length);
          } catch (err2) {
            this.release(err2);
            return;
          }
        }
        if (this._fsync) {
          fs13.fsyncSync(this.fd);
        }
        const len = this._len;
        if (this._reopening) {
          this._writing = false;
          this._reopening = false;
          this.reopen();
        } else if (len > this.minLength) {
          this._actualWrite();
        } else if (this._ending) {
          if (len > 0) {
            this._actualWrite();
          } else {
            this._writing = false;
            actualClose(this);
          }
        } else {
          this._writing = false;
          if (this.sync) {
            if (!this._asyncDrainScheduled) {
              this._asyncDrainScheduled = true;
              process.nextTick(emitDrain, this);
            }
          } else {
            this.emit("drain");
          }
        }
      };
      this.on("newListener", function(name2) {
        if (name2 === "drain") {
          this._asyncDrainScheduled = false;
        }
      });
      if (this._periodicFlush !== 0) {
        this._periodicFlushTimer = setInterval(() => this.flush(null), this._periodicFlush);
        this._periodicFlushTimer.unref();
      }
    }
    function releaseWritingBuf(writingBuf, len, n) {
      if (typeof writingBuf === "string") {
        writingBuf = Buffer.from(writingBuf);
      }
      len = Math.max(len - n, 0);
      writingBuf = writingBuf.subarray(n);
      return { writingBuf, len };
    }
    function emitDrain(sonic) {
      const hasListeners = sonic.listenerCount("drain") > 0;
      if (!hasListeners) return;
      sonic._asyncDrainScheduled = false;
      sonic.emit("drain");
    }
    inherits(SonicBoom, EventEmitter);
    function mergeBuf(bufs, len) {
      if (bufs.length === 0) {
        return kEmptyBuffer;
      }
      if (bufs.length === 1) {
        return bufs[0];
      }
      return Buffer.concat(bufs, len);
    }
    function write(data) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      data = "" + data;
      const dataLen = Buffer.byteLength(data);
      const len = this._len + dataLen;
      const bufs = this._bufs;
      if (this.maxLength && len > this.maxLength) {
        this.emit("drop", data);
        return this._len < this._hwm;
      }
      if (bufs.length === 0 || Buffer.byteLength(bufs[bufs.length - 1]) + dataLen > this.maxWrite) {
        bufs.push(data);
      } else {
        bufs[bufs.length - 1] += data;
      }
      this._len = len;
      if (!this._writing && this._len >= this.minLength) {
        this._actualWrite();
      }
      return this._len < this._hwm;
    }
    function writeBuffer(data) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      const len = this._len + data.length;
      const bufs = this._bufs;
      const lens = this._lens;
      if (this.maxLength && len > this.maxLength) {
        this.emit("drop", data);
        return this._len < this._hwm;
      }
      if (bufs.length === 0 || lens[lens.length - 1] + data.length > this.maxWrite) {
        bufs.push([data]);
        lens.push(data.length);
      } else {
        bufs[bufs.length - 1].push(data);
        lens[lens.length - 1] += data.length;
      }
      this._len = len;
      if (!this._writing && this._len >= this.minLength) {
        this._actualWrite();
      }
      return this._len < this._hwm;
    }
    function callFlushCallbackOnDrain(cb) {
      this._flushPending = true;
      const onDrain = () => {
        if (!this._fsync) {
          try {
            fs13.fsync(this.fd, (err) => {
              this._flushPending = false;
              cb(err);
            });
          } catch (err) {
            cb(err);
          }
        } else {
          this._flushPending = false;
          cb();
        }
        this.off("error", onError);
      };
      const onError = (err) => {
        this._flushPending = false;
        cb(err);
        this.off("drain", onDrain);
      };
      this.once("drain", onDrain);
      this.once("error", onError);
    }
    function flush(cb) {
      if (cb != null && typeof cb !== "function") {
        throw new Error("flush cb must be a function");
      }
      if (this.destroyed) {
        const error = new Error("SonicBoom destroyed");
        if (cb) {
          cb(error);
          return;
        }
        throw error;
      }
      if (this.minLength <= 0) {
        cb?.();
        return;
      }
      if (cb) {
        callFlushCallbackOnDrain.call(this, cb);
      }
      if (this._writing) {
        return;
      }
      if (this._bufs.length === 0) {
        this._bufs.push("");
      }
      this._actualWrite();
    }
    function flushBuffer(cb) {
      if (cb != null && typeof cb !== "function") {
        throw new Error("flush cb must be a function");
      }
      if (this.destroyed) {
        const error = new Error("SonicBoom destroyed");
        if (cb) {
          cb(error);
          return;
        }
        throw error;
      }
      if (this.minLength <= 0) {
        cb?.();
        return;
      }
      if (cb) {
        callFlushCallbackOnDrain.call(this, cb);
      }
      if (this._writing) {
        return;
      }
      if (this._bufs.length === 0) {
        this._bufs.push([]);
        this._lens.push(0);
      }
      this._actualWrite();
    }
    SonicBoom.prototype.reopen = function(file) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this._opening) {
        this.once("ready", () => {
          this.reopen(file);
        });
        return;
      }
      if (this._ending) {
        return;
      }
      if (!this.file) {
        throw new Error("Unable to reopen a file descriptor, you must pass a file to SonicBoom");
      }
      if (file) {
        this.file = file;
      }
      this._reopening = true;
      if (this._writing) {
        return;
      }
      const fd = this.fd;
      this.once("ready", () => {
        if (fd !== this.fd) {
          fs13.close(fd, (err) => {
            if (err) {
              return this.emit("error", err);
            }
          });
        }
      });
      openFile(this.file, this);
    };
    SonicBoom.prototype.end = function() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this._opening) {
        this.once("ready", () => {
          this.end();
        });
        return;
      }
      if (this._ending) {
        return;
      }
      this._ending = true;
      if (this._writing) {
        return;
      }
      if (this._len > 0 && this.fd >= 0) {
        this._actualWrite();
      } else {
        actualClose(this);
      }
    };
    function flushSync() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this.fd < 0) {
        throw new Error("sonic boom is not ready yet");
      }
      if (!this._writing && this._writingBuf.length > 0) {
        this._bufs.unshift(this._writingBuf);
        this._writingBuf = "";
      }
      let buf = "";
      while (this._bufs.length || buf.length) {
        if (buf.length <= 0) {
          buf = this._bufs[0];
        }
        try {
          const n = Buffer.isBuffer(buf) ? fs13.writeSync(this.fd, buf) : fs13.writeSync(this.fd, buf, "utf8");
          const releasedBufObj = releaseWritingBuf(buf, this._len, n);
          buf = releasedBufObj.writingBuf;
          this._len = releasedBufObj.len;
          if (buf.length <= 0) {
            this._bufs.shift();
          }
        } catch (err) {
          const shouldRetry = err.code === "EAGAIN" || err.code === "EBUSY";
          if (shouldRetry && !this.retryEAGAIN(err, buf.length, this._len - buf.length)) {
            throw err;
          }
          sleep2(BUSY_WRITE_TIMEOUT);
        }
      }
      try {
        fs13.fsyncSync(this.fd);
      } catch {
      }
    }
    function flushBufferSync() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this.fd < 0) {
        throw new Error("sonic boom is not ready yet");
      }
      if (!this._writing && this._writingBuf.length > 0) {
        this._bufs.unshift([this._writingBuf]);
        this._writingBuf = kEmptyBuffer;
      }
      let buf = kEmptyBuffer;
      while (this._bufs.length || buf.length) {
        if (buf.length <= 0) {
          buf = mergeBuf(this._bufs[0], this._lens[0]);
        }
        try {
          const n = fs13.writeSync(this.fd, buf);
          buf = buf.subarray(n);
          this._len = Math.max(this._len - n, 0);
          if (buf.length <= 0) {
            this._bufs.shift();
            this._lens.shift();
          }
        } catch (err) {
          const shouldRetry = err.code === "EAGAIN" || err.code === "EBUSY";
          if (shouldRetry && !this.retryEAGAIN(err, buf.length, this._len - buf.length)) {
            throw err;
          }
          sleep2(BUSY_WRITE_TIMEOUT);
        }
      }
    }
    SonicBoom.prototype.destroy = function() {
      if (this.destroyed) {
        return;
      }
      actualClose(this);
    };
    function actualWrite() {
      const release2 = this.release;
      this._writing = true;
      this._writingBuf = this._writingBuf.length ? this._writingBuf : this._bufs.shift() || "";
      if (this.sync) {
        try {
          const written = Buffer.isBuffer(this._writingBuf) ? fs13.writeSync(this.fd, this._writingBuf) : fs13.writeSync(this.fd, this._writingBuf, "utf8");
          release2(null, written);
        } catch (err) {
          release2(err);
        }
      } else {
        fs13.write(this.fd, this._writingBuf, release2);
      }
    }
    function actualWriteBuffer() {
      const release2 = this.release;
      this._writing = true;
      this._writingBuf = this._writingBuf.length ? this._writingBuf : mergeBuf(this._bufs.shift(), this._lens.shift());
      if (this.sync) {
        try {
          const written = fs13.writeSync(this.fd, this._writingBuf);
          release2(null, written);
        } catch (err) {
          release2(err);
        }
      } else {
        if (kCopyBuffer) {
          this._writingBuf = Buffer.from(this._writingBuf);
        }
        fs13.write(this.fd, this._writingBuf, release2);
      }
    }
    function actualClose(sonic) {
      if (sonic.fd === -1) {
        sonic.once("ready", actualClose.bind(null, sonic));
        return;
      }
      if (sonic._periodicFlushTimer !== void 0) {
        clearInterval(sonic._periodicFlushTimer);
      }
      sonic.destroyed = true;
      sonic._bufs = [];
      sonic._lens = [];
      assert(typeof sonic.fd === "number", `sonic.fd must be a number, got ${typeof sonic.fd}`);
      try {
        fs13.fsync(sonic.fd, closeWrapped);
      } catch {
      }
      function closeWrapped() {
        if (sonic.fd !== 1 && sonic.fd !== 2) {
          fs13.close(sonic.fd, done);
        } else {
          done();
        }
      }
      function done(err) {
        if (err) {
          sonic.emit("error", err);
          return;
        }
        if (sonic._ending && !sonic._writing) {
          sonic.emit("finish");
        }
        sonic.emit("close");
      }
    }
    SonicBoom.SonicBoom = SonicBoom;
    SonicBoom.default = SonicBoom;
    module2.exports = SonicBoom;
  }
});

// node_modules/on-exit-leak-free/index.js
var require_on_exit_leak_free = __commonJS({
  "node_modules/on-exit-leak-free/index.js"(exports2, module2) {
    "use strict";
    var refs = {
      exit: [],
      beforeExit: []
    };
    var functions = {
      exit: onExit,
      beforeExit: onBeforeExit
    };
    var registry;
    function ensureRegistry() {
      if (registry === void 0) {
        registry = new FinalizationRegistry(clear);
      }
    }
    function install(event) {
      if (refs[event].length > 0) {
        return;
      }
      process.on(event, functions[event]);
    }
    function uninstall(event) {
      if (refs[event].length > 0) {
        return;
      }
      process.removeListener(event, functions[event]);
      if (refs.exit.length === 0 && refs.beforeExit.length === 0) {
        registry = void 0;
      }
    }
    function onExit() {
      callRefs("exit");
    }
    function onBeforeExit() {
      callRefs("beforeExit");
    }
    function callRefs(event) {
      for (const ref of refs[event]) {
        const obj = ref.deref();
        const fn = ref.fn;
        if (obj !== void 0) {
          fn(obj, event);
        }
      }
      refs[event] = [];
    }
    function clear(ref) {
      for (const event of ["exit", "beforeExit"]) {
        const index = refs[event].indexOf(ref);
        refs[event].splice(index, index + 1);
        uninstall(event);
      }
    }
    function _register(event, obj, fn) {
      if (obj === void 0) {
        throw new Error("the object can't be undefined");
      }
      install(event);
      const ref = new WeakRef(obj);
      ref.fn = fn;
      ensureRegistry();
      registry.register(obj, ref);
      refs[event].push(ref);
    }
    function register2(obj, fn) {
      _register("exit", obj, fn);
    }
    function registerBeforeExit(obj, fn) {
      _register("beforeExit", obj, fn);
    }
    function unregister(obj) {
      if (registry === void 0) {
        return;
      }
      registry.unregister(obj);
      for (const event of ["exit", "beforeExit"]) {
        refs[event] = refs[event].filter((ref) => {
          const _obj = ref.deref();
          return _obj && _obj !== obj;
        });
        uninstall(event);
      }
    }
    module2.exports = {
      register: register2,
      registerBeforeExit,
      unregister
    };
  }
});

// pino-stub:stub-1
var require_stub_1 = __commonJS({
  "pino-stub:stub-1"(exports2, module2) {
    module2.exports = { isMainThread: true };
  }
});

// pino-stub:stub-0
var require_stub_0 = __commonJS({
  "pino-stub:stub-0"(exports2, module2) {
    module2.exports = function transport() {
      throw new Error("session-bus: pino transports are not bundled; log to a destination");
    };
  }
});

// node_modules/pino/lib/tools.js
var require_tools = __commonJS({
  "node_modules/pino/lib/tools.js"(exports2, module2) {
    "use strict";
    var diagChan = require("node:diagnostics_channel");
    var format = require_quick_format_unescaped();
    var { mapHttpRequest, mapHttpResponse } = require_pino_std_serializers();
    var SonicBoom = require_sonic_boom();
    var onExit = require_on_exit_leak_free();
    var {
      lsCacheSym,
      chindingsSym,
      writeSym,
      serializersSym,
      formatOptsSym,
      endSym,
      stringifiersSym,
      stringifySym,
      stringifySafeSym,
      wildcardFirstSym,
      nestedKeySym,
      formattersSym,
      messageKeySym,
      errorKeySym,
      nestedKeyStrSym,
      msgPrefixSym
    } = require_symbols();
    var { isMainThread } = require_stub_1();
    var transport = require_stub_0();
    var [nodeMajor] = process.versions.node.split(".").map((v) => Number(v));
    var asJsonChan = diagChan.tracingChannel("pino_asJson");
    var asString = nodeMajor >= 25 ? (str2) => JSON.stringify(str2) : _asString;
    function noop() {
    }
    function genLog(level, hook) {
      if (!hook) return LOG;
      return function hookWrappedLog(...args) {
        hook.call(this, args, LOG, level);
      };
      function LOG(o, ...n) {
        if (typeof o === "object") {
          let msg = o;
          if (o !== null) {
            if (o.method && o.headers && o.socket) {
              o = mapHttpRequest(o);
            } else if (typeof o.setHeader === "function") {
              o = mapHttpResponse(o);
            }
          }
          let formatParams;
          if (msg === null && n.length === 0) {
            formatParams = [null];
          } else {
            msg = n.shift();
            formatParams = n;
          }
          if (typeof this[msgPrefixSym] === "string" && msg !== void 0 && msg !== null) {
            msg = this[msgPrefixSym] + msg;
          }
          this[writeSym](o, format(msg, formatParams, this[formatOptsSym]), level);
        } else {
          let msg = o === void 0 ? n.shift() : o;
          if (typeof this[msgPrefixSym] === "string" && msg !== void 0 && msg !== null) {
            msg = this[msgPrefixSym] + msg;
          }
          this[writeSym](null, format(msg, n, this[formatOptsSym]), level);
        }
      }
    }
    function _asString(str2) {
      let result = "";
      let last = 0;
      let found = false;
      let point = 255;
      const l = str2.length;
      if (l > 100) {
        return JSON.stringify(str2);
      }
      for (var i = 0; i < l && point >= 32; i++) {
        point = str2.charCodeAt(i);
        if (point === 34 || point === 92) {
          result += str2.slice(last, i) + "\\";
          last = i;
          found = true;
        }
      }
      if (!found) {
        result = str2;
      } else {
        result += str2.slice(last);
      }
      return point < 32 ? JSON.stringify(str2) : '"' + result + '"';
    }
    function asJson(obj, msg, num, time2) {
      if (asJsonChan.hasSubscribers === false) {
        return _asJson.call(this, obj, msg, num, time2);
      }
      const store = { instance: this, arguments };
      return asJsonChan.traceSync(_asJson, store, this, obj, msg, num, time2);
    }
    function _asJson(obj, msg, num, time2) {
      const stringify2 = this[stringifySym];
      const stringifySafe = this[stringifySafeSym];
      const stringifiers = this[stringifiersSym];
      const end2 = this[endSym];
      const chindings = this[chindingsSym];
      const serializers = this[serializersSym];
      const formatters = this[formattersSym];
      const messageKey = this[messageKeySym];
      const errorKey = this[errorKeySym];
      let data = this[lsCacheSym][num] + time2;
      data = data + chindings;
      let value;
      if (formatters.log) {
        obj = formatters.log(obj);
      }
      const wildcardStringifier = stringifiers[wildcardFirstSym];
      let propStr = "";
      for (const key in obj) {
        value = obj[key];
        if (Object.prototype.hasOwnProperty.call(obj, key) && value !== void 0) {
          if (serializers[key]) {
            value = serializers[key](value);
          } else if (key === errorKey && serializers.err) {
            value = serializers.err(value);
          }
          const stringifier = stringifiers[key] || wildcardStringifier;
          switch (typeof value) {
            case "undefined":
            case "function":
              continue;
            case "number":
              if (Number.isFinite(value) === false) {
                value = null;
              }
            // this case explicitly falls through to the next one
            case "boolean":
              if (stringifier) value = stringifier(value);
              break;
            case "string":
              value = (stringifier || asString)(value);
              break;
            default:
              value = (stringifier || stringify2)(value, stringifySafe);
          }
          if (value === void 0) continue;
          const strKey = asString(key);
          propStr += "," + strKey + ":" + value;
        }
      }
      let msgStr = "";
      if (msg !== void 0) {
        value = serializers[messageKey] ? serializers[messageKey](msg) : msg;
        const stringifier = stringifiers[messageKey] || wildcardStringifier;
        switch (typeof value) {
          case "function":
            break;
          case "number":
            if (Number.isFinite(value) === false) {
              value = null;
            }
          // this case explicitly falls through to the next one
          case "boolean":
            if (stringifier) value = stringifier(value);
            msgStr = ',"' + messageKey + '":' + value;
            break;
          case "string":
            value = (stringifier || asString)(value);
            msgStr = ',"' + messageKey + '":' + value;
            break;
          default:
            value = (stringifier || stringify2)(value, stringifySafe);
            msgStr = ',"' + messageKey + '":' + value;
        }
      }
      if (this[nestedKeySym] && propStr) {
        return data + this[nestedKeyStrSym] + propStr.slice(1) + "}" + msgStr + end2;
      } else {
        return data + propStr + msgStr + end2;
      }
    }
    function asChindings(instance, bindings) {
      let value;
      let data = instance[chindingsSym];
      const stringify2 = instance[stringifySym];
      const stringifySafe = instance[stringifySafeSym];
      const stringifiers = instance[stringifiersSym];
      const wildcardStringifier = stringifiers[wildcardFirstSym];
      const serializers = instance[serializersSym];
      const formatter = instance[formattersSym].bindings;
      bindings = formatter(bindings);
      for (const key in bindings) {
        value = bindings[key];
        const valid = (key.length < 5 || key !== "level" && key !== "serializers" && key !== "formatters" && key !== "customLevels") && bindings.hasOwnProperty(key) && value !== void 0;
        if (valid === true) {
          value = serializers[key] ? serializers[key](value) : value;
          value = (stringifiers[key] || wildcardStringifier || stringify2)(value, stringifySafe);
          if (value === void 0) continue;
          data += "," + asString(key) + ":" + value;
        }
      }
      return data;
    }
    function hasBeenTampered(stream) {
      return stream.write !== stream.constructor.prototype.write;
    }
    function buildSafeSonicBoom(opts) {
      const stream = new SonicBoom(opts);
      stream.on("error", filterBrokenPipe);
      if (!opts.sync && isMainThread) {
        onExit.register(stream, autoEnd);
        stream.on("close", function() {
          onExit.unregister(stream);
        });
      }
      return stream;
      function filterBrokenPipe(err) {
        if (err.code === "EPIPE") {
          stream.write = noop;
          stream.end = noop;
          stream.flushSync = noop;
          stream.destroy = noop;
          return;
        }
        stream.removeListener("error", filterBrokenPipe);
        stream.emit("error", err);
      }
    }
    function autoEnd(stream, eventName) {
      if (stream.destroyed) {
        return;
      }
      if (eventName === "beforeExit") {
        stream.flush();
        stream.on("drain", function() {
          stream.end();
        });
      } else {
        stream.flushSync();
      }
    }
    function createArgsNormalizer(defaultOptions) {
      return function normalizeArgs(instance, caller, opts = {}, stream) {
        if (typeof opts === "string") {
          stream = buildSafeSonicBoom({ dest: opts });
          opts = {};
        } else if (typeof stream === "string") {
          if (opts && opts.transport) {
            throw Error("only one of option.transport or stream can be specified");
          }
          stream = buildSafeSonicBoom({ dest: stream });
        } else if (opts instanceof SonicBoom || opts.writable || opts._writableState) {
          stream = opts;
          opts = {};
        } else if (opts.transport) {
          if (opts.transport instanceof SonicBoom || opts.transport.writable || opts.transport._writableState) {
            throw Error("option.transport do not allow stream, please pass to option directly. e.g. pino(transport)");
          }
          if (opts.transport.targets && opts.transport.targets.length && opts.formatters && typeof opts.formatters.level === "function") {
            throw Error("option.transport.targets do not allow custom level formatters");
          }
          let customLevels;
          if (opts.customLevels) {
            customLevels = opts.useOnlyCustomLevels ? opts.customLevels : Object.assign({}, opts.levels, opts.customLevels);
          }
          stream = transport({ caller, ...opts.transport, levels: customLevels });
        }
        opts = Object.assign({}, defaultOptions, opts);
        opts.serializers = Object.assign(/* @__PURE__ */ Object.create(null), defaultOptions.serializers, opts.serializers);
        opts.formatters = Object.assign({}, defaultOptions.formatters, opts.formatters);
        if (opts.prettyPrint) {
          throw new Error("prettyPrint option is no longer supported, see the pino-pretty package (https://github.com/pinojs/pino-pretty)");
        }
        const { enabled, onChild } = opts;
        if (enabled === false) opts.level = "silent";
        if (!onChild) opts.onChild = noop;
        if (!stream) {
          if (!hasBeenTampered(process.stdout)) {
            stream = buildSafeSonicBoom({ fd: process.stdout.fd || 1 });
          } else {
            stream = process.stdout;
          }
        }
        return { opts, stream };
      };
    }
    function stringify(obj, stringifySafeFn) {
      try {
        return JSON.stringify(obj);
      } catch (_) {
        try {
          const stringify2 = stringifySafeFn || this[stringifySafeSym];
          return stringify2(obj);
        } catch (_2) {
          return '"[unable to serialize, circular reference is too complex to analyze]"';
        }
      }
    }
    function buildFormatters(level, bindings, log) {
      return {
        level,
        bindings,
        log
      };
    }
    function normalizeDestFileDescriptor(destination) {
      const fd = Number(destination);
      if (typeof destination === "string" && Number.isFinite(fd)) {
        return fd;
      }
      if (destination === void 0) {
        return 1;
      }
      return destination;
    }
    module2.exports = {
      noop,
      buildSafeSonicBoom,
      asChindings,
      asJson,
      genLog,
      createArgsNormalizer,
      stringify,
      buildFormatters,
      normalizeDestFileDescriptor
    };
  }
});

// node_modules/pino/lib/constants.js
var require_constants = __commonJS({
  "node_modules/pino/lib/constants.js"(exports2, module2) {
    var DEFAULT_LEVELS = {
      trace: 10,
      debug: 20,
      info: 30,
      warn: 40,
      error: 50,
      fatal: 60
    };
    var SORTING_ORDER = {
      ASC: "ASC",
      DESC: "DESC"
    };
    module2.exports = {
      DEFAULT_LEVELS,
      SORTING_ORDER
    };
  }
});

// node_modules/pino/lib/levels.js
var require_levels = __commonJS({
  "node_modules/pino/lib/levels.js"(exports2, module2) {
    "use strict";
    var {
      lsCacheSym,
      levelValSym,
      useOnlyCustomLevelsSym,
      streamSym,
      formattersSym,
      hooksSym,
      levelCompSym
    } = require_symbols();
    var { noop, genLog } = require_tools();
    var { DEFAULT_LEVELS, SORTING_ORDER } = require_constants();
    var levelMethods = {
      fatal: (hook) => {
        const logFatal = genLog(DEFAULT_LEVELS.fatal, hook);
        return function(...args) {
          const stream = this[streamSym];
          logFatal.call(this, ...args);
          if (typeof stream.flushSync === "function") {
            try {
              stream.flushSync();
            } catch (e) {
            }
          }
        };
      },
      error: (hook) => genLog(DEFAULT_LEVELS.error, hook),
      warn: (hook) => genLog(DEFAULT_LEVELS.warn, hook),
      info: (hook) => genLog(DEFAULT_LEVELS.info, hook),
      debug: (hook) => genLog(DEFAULT_LEVELS.debug, hook),
      trace: (hook) => genLog(DEFAULT_LEVELS.trace, hook)
    };
    var nums = Object.keys(DEFAULT_LEVELS).reduce((o, k) => {
      o[DEFAULT_LEVELS[k]] = k;
      return o;
    }, {});
    var initialLsCache = Object.keys(nums).reduce((o, k) => {
      o[k] = '{"level":' + Number(k);
      return o;
    }, {});
    function genLsCache(instance) {
      const formatter = instance[formattersSym].level;
      const { labels } = instance.levels;
      const cache = {};
      for (const label in labels) {
        const level = formatter(labels[label], Number(label));
        cache[label] = JSON.stringify(level).slice(0, -1);
      }
      instance[lsCacheSym] = cache;
      return instance;
    }
    function isStandardLevel(level, useOnlyCustomLevels) {
      if (useOnlyCustomLevels) {
        return false;
      }
      switch (level) {
        case "fatal":
        case "error":
        case "warn":
        case "info":
        case "debug":
        case "trace":
          return true;
        default:
          return false;
      }
    }
    function setLevel(level) {
      const { labels, values } = this.levels;
      if (typeof level === "number") {
        if (labels[level] === void 0) throw Error("unknown level value" + level);
        level = labels[level];
      }
      if (values[level] === void 0) throw Error("unknown level " + level);
      const preLevelVal = this[levelValSym];
      const levelVal = this[levelValSym] = values[level];
      const useOnlyCustomLevelsVal = this[useOnlyCustomLevelsSym];
      const levelComparison = this[levelCompSym];
      const hook = this[hooksSym].logMethod;
      for (const key in values) {
        if (levelComparison(values[key], levelVal) === false) {
          this[key] = noop;
          continue;
        }
        this[key] = isStandardLevel(key, useOnlyCustomLevelsVal) ? levelMethods[key](hook) : genLog(values[key], hook);
      }
      this.emit(
        "level-change",
        level,
        levelVal,
        labels[preLevelVal],
        preLevelVal,
        this
      );
    }
    function getLevel(level) {
      const { levels, levelVal } = this;
      return levels && levels.labels ? levels.labels[levelVal] : "";
    }
    function isLevelEnabled(logLevel) {
      const { values } = this.levels;
      const logLevelVal = values[logLevel];
      return logLevelVal !== void 0 && this[levelCompSym](logLevelVal, this[levelValSym]);
    }
    function compareLevel(direction, current, expected) {
      if (direction === SORTING_ORDER.DESC) {
        return current <= expected;
      }
      return current >= expected;
    }
    function genLevelComparison(levelComparison) {
      if (typeof levelComparison === "string") {
        return compareLevel.bind(null, levelComparison);
      }
      return levelComparison;
    }
    function mappings(customLevels = null, useOnlyCustomLevels = false) {
      const customNums = customLevels ? Object.keys(customLevels).reduce((o, k) => {
        o[customLevels[k]] = k;
        return o;
      }, {}) : null;
      const labels = Object.assign(
        Object.create(Object.prototype, { Infinity: { value: "silent" } }),
        useOnlyCustomLevels ? null : nums,
        customNums
      );
      const values = Object.assign(
        Object.create(Object.prototype, { silent: { value: Infinity } }),
        useOnlyCustomLevels ? null : DEFAULT_LEVELS,
        customLevels
      );
      return { labels, values };
    }
    function assertDefaultLevelFound(defaultLevel, customLevels, useOnlyCustomLevels) {
      if (typeof defaultLevel === "number") {
        const values = [].concat(
          Object.keys(customLevels || {}).map((key) => customLevels[key]),
          useOnlyCustomLevels ? [] : Object.keys(nums).map((level) => +level),
          Infinity
        );
        if (!values.includes(defaultLevel)) {
          throw Error(`default level:${defaultLevel} must be included in custom levels`);
        }
        return;
      }
      const labels = Object.assign(
        Object.create(Object.prototype, { silent: { value: Infinity } }),
        useOnlyCustomLevels ? null : DEFAULT_LEVELS,
        customLevels
      );
      if (!(defaultLevel in labels)) {
        throw Error(`default level:${defaultLevel} must be included in custom levels`);
      }
    }
    function assertNoLevelCollisions(levels, customLevels) {
      const { labels, values } = levels;
      for (const k in customLevels) {
        if (k in values) {
          throw Error("levels cannot be overridden");
        }
        if (customLevels[k] in labels) {
          throw Error("pre-existing level values cannot be used for new levels");
        }
      }
    }
    function assertLevelComparison(levelComparison) {
      if (typeof levelComparison === "function") {
        return;
      }
      if (typeof levelComparison === "string" && Object.values(SORTING_ORDER).includes(levelComparison)) {
        return;
      }
      throw new Error('Levels comparison should be one of "ASC", "DESC" or "function" type');
    }
    module2.exports = {
      initialLsCache,
      genLsCache,
      levelMethods,
      getLevel,
      setLevel,
      isLevelEnabled,
      mappings,
      assertNoLevelCollisions,
      assertDefaultLevelFound,
      genLevelComparison,
      assertLevelComparison
    };
  }
});

// node_modules/pino/lib/meta.js
var require_meta = __commonJS({
  "node_modules/pino/lib/meta.js"(exports2, module2) {
    "use strict";
    module2.exports = { version: "10.4.0" };
  }
});

// node_modules/pino/lib/proto.js
var require_proto = __commonJS({
  "node_modules/pino/lib/proto.js"(exports2, module2) {
    "use strict";
    var { EventEmitter } = require("node:events");
    var {
      lsCacheSym,
      levelValSym,
      setLevelSym,
      getLevelSym,
      chindingsSym,
      mixinSym,
      asJsonSym,
      writeSym,
      mixinMergeStrategySym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      serializersSym,
      formattersSym,
      errorKeySym,
      messageKeySym,
      useOnlyCustomLevelsSym,
      needsMetadataGsym,
      redactFmtSym,
      stringifySym,
      formatOptsSym,
      stringifiersSym,
      msgPrefixSym,
      hooksSym
    } = require_symbols();
    var {
      getLevel,
      setLevel,
      isLevelEnabled,
      mappings,
      initialLsCache,
      genLsCache,
      assertNoLevelCollisions
    } = require_levels();
    var {
      asChindings,
      asJson,
      buildFormatters,
      stringify,
      noop
    } = require_tools();
    var {
      version
    } = require_meta();
    var redaction = require_redaction();
    var constructor = class Pino {
    };
    var prototype = {
      constructor,
      child,
      bindings,
      setBindings,
      flush,
      isLevelEnabled,
      version,
      get level() {
        return this[getLevelSym]();
      },
      set level(lvl) {
        this[setLevelSym](lvl);
      },
      get levelVal() {
        return this[levelValSym];
      },
      set levelVal(n) {
        throw Error("levelVal is read-only");
      },
      get msgPrefix() {
        return this[msgPrefixSym];
      },
      get [Symbol.toStringTag]() {
        return "Pino";
      },
      [lsCacheSym]: initialLsCache,
      [writeSym]: write,
      [asJsonSym]: asJson,
      [getLevelSym]: getLevel,
      [setLevelSym]: setLevel
    };
    Object.setPrototypeOf(prototype, EventEmitter.prototype);
    module2.exports = function() {
      return Object.create(prototype);
    };
    var resetChildingsFormatter = (bindings2) => bindings2;
    function child(bindings2, options) {
      if (!bindings2) {
        throw Error("missing bindings for child Pino");
      }
      const serializers = this[serializersSym];
      const formatters = this[formattersSym];
      const instance = Object.create(this);
      if (options == null) {
        if (instance[formattersSym].bindings !== resetChildingsFormatter) {
          instance[formattersSym] = buildFormatters(
            formatters.level,
            resetChildingsFormatter,
            formatters.log
          );
        }
        instance[chindingsSym] = asChindings(instance, bindings2);
        if (this.onChild !== noop) {
          this.onChild(instance);
        }
        return instance;
      }
      if (options.hasOwnProperty("serializers") === true) {
        instance[serializersSym] = /* @__PURE__ */ Object.create(null);
        for (const k in serializers) {
          instance[serializersSym][k] = serializers[k];
        }
        const parentSymbols = Object.getOwnPropertySymbols(serializers);
        for (var i = 0; i < parentSymbols.length; i++) {
          const ks = parentSymbols[i];
          instance[serializersSym][ks] = serializers[ks];
        }
        for (const bk in options.serializers) {
          instance[serializersSym][bk] = options.serializers[bk];
        }
        const bindingsSymbols = Object.getOwnPropertySymbols(options.serializers);
        for (var bi = 0; bi < bindingsSymbols.length; bi++) {
          const bks = bindingsSymbols[bi];
          instance[serializersSym][bks] = options.serializers[bks];
        }
      } else instance[serializersSym] = serializers;
      if (options.hasOwnProperty("formatters")) {
        const { level, bindings: chindings, log } = options.formatters;
        instance[formattersSym] = buildFormatters(
          level || formatters.level,
          chindings || resetChildingsFormatter,
          log || formatters.log
        );
      } else {
        instance[formattersSym] = buildFormatters(
          formatters.level,
          resetChildingsFormatter,
          formatters.log
        );
      }
      if (options.hasOwnProperty("customLevels") === true) {
        assertNoLevelCollisions(this.levels, options.customLevels);
        instance.levels = mappings(options.customLevels, instance[useOnlyCustomLevelsSym]);
        genLsCache(instance);
      }
      if (typeof options.redact === "object" && options.redact !== null || Array.isArray(options.redact)) {
        instance.redact = options.redact;
        const stringifiers = redaction(instance.redact, stringify);
        const formatOpts = { stringify: stringifiers[redactFmtSym] };
        instance[stringifySym] = stringify;
        instance[stringifiersSym] = stringifiers;
        instance[formatOptsSym] = formatOpts;
      }
      if (typeof options.msgPrefix === "string") {
        instance[msgPrefixSym] = (this[msgPrefixSym] || "") + options.msgPrefix;
      }
      instance[chindingsSym] = asChindings(instance, bindings2);
      if (options.level !== void 0 && options.level !== this.level || options.hasOwnProperty("customLevels")) {
        const childLevel = options.level || this.level;
        instance[setLevelSym](childLevel);
      }
      this.onChild(instance);
      return instance;
    }
    function bindings() {
      const chindings = this[chindingsSym];
      const chindingsJson = `{${chindings.substr(1)}}`;
      const bindingsFromJson = JSON.parse(chindingsJson);
      delete bindingsFromJson.pid;
      delete bindingsFromJson.hostname;
      return bindingsFromJson;
    }
    function setBindings(newBindings) {
      const chindings = asChindings(this, newBindings);
      this[chindingsSym] = chindings;
    }
    function defaultMixinMergeStrategy(mergeObject, mixinObject) {
      return Object.assign(mixinObject, mergeObject);
    }
    function write(_obj, msg, num) {
      const t = this[timeSym]();
      const mixin = this[mixinSym];
      const errorKey = this[errorKeySym];
      const messageKey = this[messageKeySym];
      const mixinMergeStrategy = this[mixinMergeStrategySym] || defaultMixinMergeStrategy;
      let obj;
      const streamWriteHook = this[hooksSym].streamWrite;
      if (_obj === void 0 || _obj === null) {
        obj = {};
      } else if (_obj instanceof Error) {
        obj = { [errorKey]: _obj };
        if (msg === void 0) {
          msg = _obj.message;
        }
      } else {
        obj = _obj;
        if (msg === void 0 && _obj[messageKey] === void 0 && _obj[errorKey]) {
          msg = _obj[errorKey].message;
        }
      }
      if (mixin) {
        obj = mixinMergeStrategy(obj, mixin(obj, num, this));
      }
      const s = this[asJsonSym](obj, msg, num, t);
      const stream = this[streamSym];
      if (stream[needsMetadataGsym] === true) {
        stream.lastLevel = num;
        stream.lastObj = obj;
        stream.lastMsg = msg;
        stream.lastTime = t.slice(this[timeSliceIndexSym]);
        stream.lastLogger = this;
      }
      stream.write(streamWriteHook ? streamWriteHook(s) : s);
    }
    function flush(cb) {
      if (cb != null && typeof cb !== "function") {
        throw Error("callback must be a function");
      }
      const stream = this[streamSym];
      if (typeof stream.flush === "function") {
        stream.flush(cb || noop);
      } else if (cb) cb();
    }
  }
});

// node_modules/safe-stable-stringify/index.js
var require_safe_stable_stringify = __commonJS({
  "node_modules/safe-stable-stringify/index.js"(exports2, module2) {
    "use strict";
    var { hasOwnProperty } = Object.prototype;
    var stringify = configure();
    stringify.configure = configure;
    stringify.stringify = stringify;
    stringify.default = stringify;
    exports2.stringify = stringify;
    exports2.configure = configure;
    module2.exports = stringify;
    var strEscapeSequencesRegExp = /[\u0000-\u001f\u0022\u005c\ud800-\udfff]/;
    function strEscape(str2) {
      if (str2.length < 5e3 && !strEscapeSequencesRegExp.test(str2)) {
        return `"${str2}"`;
      }
      return JSON.stringify(str2);
    }
    function sort(array, comparator) {
      if (array.length > 200 || comparator) {
        return array.sort(comparator);
      }
      for (let i = 1; i < array.length; i++) {
        const currentValue = array[i];
        let position2 = i;
        while (position2 !== 0 && array[position2 - 1] > currentValue) {
          array[position2] = array[position2 - 1];
          position2--;
        }
        array[position2] = currentValue;
      }
      return array;
    }
    var typedArrayPrototypeGetSymbolToStringTag = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(
        Object.getPrototypeOf(
          new Int8Array()
        )
      ),
      Symbol.toStringTag
    ).get;
    function isTypedArrayWithEntries(value) {
      return typedArrayPrototypeGetSymbolToStringTag.call(value) !== void 0 && value.length !== 0;
    }
    function stringifyTypedArray(array, separator, maximumBreadth) {
      if (array.length < maximumBreadth) {
        maximumBreadth = array.length;
      }
      const whitespace = separator === "," ? "" : " ";
      let res = `"0":${whitespace}${array[0]}`;
      for (let i = 1; i < maximumBreadth; i++) {
        res += `${separator}"${i}":${whitespace}${array[i]}`;
      }
      return res;
    }
    function getCircularValueOption(options) {
      if (hasOwnProperty.call(options, "circularValue")) {
        const circularValue = options.circularValue;
        if (typeof circularValue === "string") {
          return `"${circularValue}"`;
        }
        if (circularValue == null) {
          return circularValue;
        }
        if (circularValue === Error || circularValue === TypeError) {
          return {
            toString() {
              throw new TypeError("Converting circular structure to JSON");
            }
          };
        }
        throw new TypeError('The "circularValue" argument must be of type string or the value null or undefined');
      }
      return '"[Circular]"';
    }
    function getDeterministicOption(options) {
      let value;
      if (hasOwnProperty.call(options, "deterministic")) {
        value = options.deterministic;
        if (typeof value !== "boolean" && typeof value !== "function") {
          throw new TypeError('The "deterministic" argument must be of type boolean or comparator function');
        }
      }
      return value === void 0 ? true : value;
    }
    function getBooleanOption(options, key) {
      let value;
      if (hasOwnProperty.call(options, key)) {
        value = options[key];
        if (typeof value !== "boolean") {
          throw new TypeError(`The "${key}" argument must be of type boolean`);
        }
      }
      return value === void 0 ? true : value;
    }
    function getPositiveIntegerOption(options, key) {
      let value;
      if (hasOwnProperty.call(options, key)) {
        value = options[key];
        if (typeof value !== "number") {
          throw new TypeError(`The "${key}" argument must be of type number`);
        }
        if (!Number.isInteger(value)) {
          throw new TypeError(`The "${key}" argument must be an integer`);
        }
        if (value < 1) {
          throw new RangeError(`The "${key}" argument must be >= 1`);
        }
      }
      return value === void 0 ? Infinity : value;
    }
    function getItemCount(number) {
      if (number === 1) {
        return "1 item";
      }
      return `${number} items`;
    }
    function getUniqueReplacerSet(replacerArray) {
      const replacerSet = /* @__PURE__ */ new Set();
      for (const value of replacerArray) {
        if (typeof value === "string" || typeof value === "number") {
          replacerSet.add(String(value));
        }
      }
      return replacerSet;
    }
    function getStrictOption(options) {
      if (hasOwnProperty.call(options, "strict")) {
        const value = options.strict;
        if (typeof value !== "boolean") {
          throw new TypeError('The "strict" argument must be of type boolean');
        }
        if (value) {
          return (value2) => {
            let message = `Object can not safely be stringified. Received type ${typeof value2}`;
            if (typeof value2 !== "function") message += ` (${value2.toString()})`;
            throw new Error(message);
          };
        }
      }
    }
    function configure(options) {
      options = { ...options };
      const fail = getStrictOption(options);
      if (fail) {
        if (options.bigint === void 0) {
          options.bigint = false;
        }
        if (!("circularValue" in options)) {
          options.circularValue = Error;
        }
      }
      const circularValue = getCircularValueOption(options);
      const bigint = getBooleanOption(options, "bigint");
      const deterministic = getDeterministicOption(options);
      const comparator = typeof deterministic === "function" ? deterministic : void 0;
      const maximumDepth = getPositiveIntegerOption(options, "maximumDepth");
      const maximumBreadth = getPositiveIntegerOption(options, "maximumBreadth");
      function stringifyFnReplacer(key, parent, stack, replacer, spacer, indentation) {
        let value = parent[key];
        if (typeof value === "object" && value !== null && typeof value.toJSON === "function") {
          value = value.toJSON(key);
        }
        value = replacer.call(parent, key, value);
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            let res = "";
            let join9 = ",";
            const originalIndentation = indentation;
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              if (spacer !== "") {
                indentation += spacer;
                res += `
${indentation}`;
                join9 = `,
${indentation}`;
              }
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyFnReplacer(String(i), value, stack, replacer, spacer, indentation);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += join9;
              }
              const tmp = stringifyFnReplacer(String(i), value, stack, replacer, spacer, indentation);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `${join9}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              if (spacer !== "") {
                res += `
${originalIndentation}`;
              }
              stack.pop();
              return `[${res}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            let whitespace = "";
            let separator = "";
            if (spacer !== "") {
              indentation += spacer;
              join9 = `,
${indentation}`;
              whitespace = " ";
            }
            const maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (deterministic && !isTypedArrayWithEntries(value)) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifyFnReplacer(key2, value, stack, replacer, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${whitespace}${tmp}`;
                separator = join9;
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...":${whitespace}"${getItemCount(removedKeys)} not stringified"`;
              separator = join9;
            }
            if (spacer !== "" && separator.length > 1) {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifyArrayReplacer(key, value, stack, replacer, spacer, indentation) {
        if (typeof value === "object" && value !== null && typeof value.toJSON === "function") {
          value = value.toJSON(key);
        }
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            const originalIndentation = indentation;
            let res = "";
            let join9 = ",";
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              if (spacer !== "") {
                indentation += spacer;
                res += `
${indentation}`;
                join9 = `,
${indentation}`;
              }
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyArrayReplacer(String(i), value[i], stack, replacer, spacer, indentation);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += join9;
              }
              const tmp = stringifyArrayReplacer(String(i), value[i], stack, replacer, spacer, indentation);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `${join9}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              if (spacer !== "") {
                res += `
${originalIndentation}`;
              }
              stack.pop();
              return `[${res}]`;
            }
            stack.push(value);
            let whitespace = "";
            if (spacer !== "") {
              indentation += spacer;
              join9 = `,
${indentation}`;
              whitespace = " ";
            }
            let separator = "";
            for (const key2 of replacer) {
              const tmp = stringifyArrayReplacer(key2, value[key2], stack, replacer, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${whitespace}${tmp}`;
                separator = join9;
              }
            }
            if (spacer !== "" && separator.length > 1) {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifyIndent(key, value, stack, spacer, indentation) {
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (typeof value.toJSON === "function") {
              value = value.toJSON(key);
              if (typeof value !== "object") {
                return stringifyIndent(key, value, stack, spacer, indentation);
              }
              if (value === null) {
                return "null";
              }
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            const originalIndentation = indentation;
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              indentation += spacer;
              let res2 = `
${indentation}`;
              const join10 = `,
${indentation}`;
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyIndent(String(i), value[i], stack, spacer, indentation);
                res2 += tmp2 !== void 0 ? tmp2 : "null";
                res2 += join10;
              }
              const tmp = stringifyIndent(String(i), value[i], stack, spacer, indentation);
              res2 += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res2 += `${join10}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              res2 += `
${originalIndentation}`;
              stack.pop();
              return `[${res2}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            indentation += spacer;
            const join9 = `,
${indentation}`;
            let res = "";
            let separator = "";
            let maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (isTypedArrayWithEntries(value)) {
              res += stringifyTypedArray(value, join9, maximumBreadth);
              keys = keys.slice(value.length);
              maximumPropertiesToStringify -= value.length;
              separator = join9;
            }
            if (deterministic) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifyIndent(key2, value[key2], stack, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}: ${tmp}`;
                separator = join9;
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...": "${getItemCount(removedKeys)} not stringified"`;
              separator = join9;
            }
            if (separator !== "") {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifySimple(key, value, stack) {
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (typeof value.toJSON === "function") {
              value = value.toJSON(key);
              if (typeof value !== "object") {
                return stringifySimple(key, value, stack);
              }
              if (value === null) {
                return "null";
              }
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            let res = "";
            const hasLength = value.length !== void 0;
            if (hasLength && Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifySimple(String(i), value[i], stack);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += ",";
              }
              const tmp = stringifySimple(String(i), value[i], stack);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `,"... ${getItemCount(removedKeys)} not stringified"`;
              }
              stack.pop();
              return `[${res}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            let separator = "";
            let maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (hasLength && isTypedArrayWithEntries(value)) {
              res += stringifyTypedArray(value, ",", maximumBreadth);
              keys = keys.slice(value.length);
              maximumPropertiesToStringify -= value.length;
              separator = ",";
            }
            if (deterministic) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifySimple(key2, value[key2], stack);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${tmp}`;
                separator = ",";
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...":"${getItemCount(removedKeys)} not stringified"`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringify2(value, replacer, space) {
        if (arguments.length > 1) {
          let spacer = "";
          if (typeof space === "number") {
            spacer = " ".repeat(Math.min(space, 10));
          } else if (typeof space === "string") {
            spacer = space.slice(0, 10);
          }
          if (replacer != null) {
            if (typeof replacer === "function") {
              return stringifyFnReplacer("", { "": value }, [], replacer, spacer, "");
            }
            if (Array.isArray(replacer)) {
              return stringifyArrayReplacer("", value, [], getUniqueReplacerSet(replacer), spacer, "");
            }
          }
          if (spacer.length !== 0) {
            return stringifyIndent("", value, [], spacer, "");
          }
        }
        return stringifySimple("", value, []);
      }
      return stringify2;
    }
  }
});

// node_modules/pino/lib/multistream.js
var require_multistream = __commonJS({
  "node_modules/pino/lib/multistream.js"(exports2, module2) {
    "use strict";
    var metadata = /* @__PURE__ */ Symbol.for("pino.metadata");
    var { DEFAULT_LEVELS } = require_constants();
    var DEFAULT_INFO_LEVEL = DEFAULT_LEVELS.info;
    function multistream(streamsArray, opts) {
      streamsArray = streamsArray || [];
      opts = opts || { dedupe: false };
      const streamLevels = Object.create(DEFAULT_LEVELS);
      streamLevels.silent = Infinity;
      if (opts.levels && typeof opts.levels === "object") {
        Object.keys(opts.levels).forEach((i) => {
          streamLevels[i] = opts.levels[i];
        });
      }
      const res = {
        write,
        add,
        remove,
        emit,
        flushSync,
        end: end2,
        minLevel: 0,
        lastId: 0,
        streams: [],
        clone,
        [metadata]: true,
        streamLevels
      };
      if (Array.isArray(streamsArray)) {
        streamsArray.forEach(add, res);
      } else {
        add.call(res, streamsArray);
      }
      streamsArray = null;
      return res;
      function write(data) {
        let dest;
        const level = typeof this.lastLevel === "string" ? (this.streamLevels || streamLevels)[this.lastLevel] : this.lastLevel;
        const { streams } = this;
        let recordedLevel = 0;
        let stream;
        for (let i = initLoopVar(streams.length, opts.dedupe); checkLoopVar(i, streams.length, opts.dedupe); i = adjustLoopVar(i, opts.dedupe)) {
          dest = streams[i];
          if (dest.level <= level) {
            if (recordedLevel !== 0 && recordedLevel !== dest.level) {
              break;
            }
            stream = dest.stream;
            if (stream[metadata]) {
              const { lastTime, lastMsg, lastObj, lastLogger } = this;
              stream.lastLevel = level;
              stream.lastTime = lastTime;
              stream.lastMsg = lastMsg;
              stream.lastObj = lastObj;
              stream.lastLogger = lastLogger;
            }
            stream.write(data);
            if (opts.dedupe) {
              recordedLevel = dest.level;
            }
          } else if (!opts.dedupe) {
            break;
          }
        }
      }
      function emit(...args) {
        for (const { stream } of this.streams) {
          if (typeof stream.emit === "function") {
            stream.emit(...args);
          }
        }
      }
      function flushSync() {
        for (const { stream } of this.streams) {
          if (typeof stream.flushSync === "function") {
            stream.flushSync();
          }
        }
      }
      function add(dest) {
        if (!dest) {
          return this;
        }
        const isStream = typeof dest.write === "function" || dest.stream;
        const stream_ = dest.write ? dest : dest.stream;
        if (!isStream) {
          throw Error("stream object needs to implement either StreamEntry or DestinationStream interface");
        }
        const { streams, streamLevels: streamLevels2 } = this;
        let level;
        if (typeof dest.levelVal === "number") {
          level = dest.levelVal;
        } else if (typeof dest.level === "string") {
          level = streamLevels2[dest.level];
        } else if (typeof dest.level === "number") {
          level = dest.level;
        } else {
          level = DEFAULT_INFO_LEVEL;
        }
        const dest_ = {
          stream: stream_,
          level,
          levelVal: void 0,
          id: ++res.lastId
        };
        streams.unshift(dest_);
        streams.sort(compareByLevel);
        this.minLevel = streams[0].level;
        return this;
      }
      function remove(id) {
        const { streams } = this;
        const index = streams.findIndex((s) => s.id === id);
        if (index >= 0) {
          streams.splice(index, 1);
          streams.sort(compareByLevel);
          this.minLevel = streams.length > 0 ? streams[0].level : -1;
        }
        return this;
      }
      function end2() {
        for (const { stream } of this.streams) {
          if (typeof stream.flushSync === "function") {
            stream.flushSync();
          }
          stream.end();
        }
      }
      function clone(level) {
        const streams = new Array(this.streams.length);
        for (let i = 0; i < streams.length; i++) {
          streams[i] = {
            level,
            stream: this.streams[i].stream
          };
        }
        return {
          write,
          add,
          remove,
          emit,
          flushSync,
          end: end2,
          minLevel: level,
          streams,
          clone,
          [metadata]: true,
          streamLevels
        };
      }
    }
    function compareByLevel(a, b) {
      return a.level - b.level;
    }
    function initLoopVar(length, dedupe) {
      return dedupe ? length - 1 : 0;
    }
    function adjustLoopVar(i, dedupe) {
      return dedupe ? i - 1 : i + 1;
    }
    function checkLoopVar(i, length, dedupe) {
      return dedupe ? i >= 0 : i < length;
    }
    module2.exports = multistream;
  }
});

// node_modules/pino/pino.js
var require_pino = __commonJS({
  "node_modules/pino/pino.js"(exports2, module2) {
    "use strict";
    var os2 = require("node:os");
    var stdSerializers = require_pino_std_serializers();
    var caller = require_caller();
    var redaction = require_redaction();
    var time2 = require_time();
    var proto = require_proto();
    var symbols = require_symbols();
    var { configure } = require_safe_stable_stringify();
    var { assertDefaultLevelFound, mappings, genLsCache, genLevelComparison, assertLevelComparison } = require_levels();
    var { DEFAULT_LEVELS, SORTING_ORDER } = require_constants();
    var {
      createArgsNormalizer,
      asChindings,
      buildSafeSonicBoom,
      buildFormatters,
      stringify,
      normalizeDestFileDescriptor,
      noop
    } = require_tools();
    var { version } = require_meta();
    var {
      chindingsSym,
      redactFmtSym,
      serializersSym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      stringifySym,
      stringifySafeSym,
      stringifiersSym,
      setLevelSym,
      endSym,
      formatOptsSym,
      messageKeySym,
      errorKeySym,
      nestedKeySym,
      mixinSym,
      levelCompSym,
      useOnlyCustomLevelsSym,
      formattersSym,
      hooksSym,
      nestedKeyStrSym,
      mixinMergeStrategySym,
      msgPrefixSym,
      transportUsesMultistreamSym
    } = symbols;
    var { epochTime, nullTime } = time2;
    var { pid } = process;
    var hostname3 = os2.hostname();
    var defaultErrorSerializer = stdSerializers.err;
    var defaultOptions = {
      level: "info",
      levelComparison: SORTING_ORDER.ASC,
      levels: DEFAULT_LEVELS,
      messageKey: "msg",
      errorKey: "err",
      nestedKey: null,
      enabled: true,
      base: { pid, hostname: hostname3 },
      serializers: Object.assign(/* @__PURE__ */ Object.create(null), {
        err: defaultErrorSerializer
      }),
      formatters: Object.assign(/* @__PURE__ */ Object.create(null), {
        bindings(bindings) {
          return bindings;
        },
        level(label, number) {
          return { level: number };
        }
      }),
      hooks: {
        logMethod: void 0,
        streamWrite: void 0
      },
      timestamp: epochTime,
      name: void 0,
      redact: null,
      customLevels: null,
      useOnlyCustomLevels: false,
      depthLimit: 5,
      edgeLimit: 100
    };
    var normalize = createArgsNormalizer(defaultOptions);
    var serializers = Object.assign(/* @__PURE__ */ Object.create(null), stdSerializers);
    function pino2(...args) {
      const instance = {};
      const { opts, stream } = normalize(instance, caller(), ...args);
      if (opts.level && typeof opts.level === "string" && DEFAULT_LEVELS[opts.level.toLowerCase()] !== void 0) opts.level = opts.level.toLowerCase();
      const {
        redact,
        crlf,
        serializers: serializers2,
        timestamp,
        messageKey,
        errorKey,
        nestedKey,
        base,
        name: name2,
        level,
        customLevels,
        levelComparison,
        mixin,
        mixinMergeStrategy,
        useOnlyCustomLevels,
        formatters,
        hooks,
        depthLimit,
        edgeLimit,
        onChild,
        msgPrefix
      } = opts;
      const stringifySafe = configure({
        maximumDepth: depthLimit,
        maximumBreadth: edgeLimit
      });
      const allFormatters = buildFormatters(
        formatters.level,
        formatters.bindings,
        formatters.log
      );
      const stringifyFn = stringify.bind({
        [stringifySafeSym]: stringifySafe
      });
      const stringifiers = redact ? Object.assign(/* @__PURE__ */ Object.create(null), redaction(redact, stringifyFn)) : /* @__PURE__ */ Object.create(null);
      const formatOpts = redact ? { stringify: stringifiers[redactFmtSym] } : { stringify: stringifyFn };
      const end2 = "}" + (crlf ? "\r\n" : "\n");
      const coreChindings = asChindings.bind(null, {
        [chindingsSym]: "",
        [serializersSym]: serializers2,
        [stringifiersSym]: stringifiers,
        [stringifySym]: stringify,
        [stringifySafeSym]: stringifySafe,
        [formattersSym]: allFormatters
      });
      let chindings = "";
      if (base !== null) {
        if (name2 === void 0) {
          chindings = coreChindings(base);
        } else {
          chindings = coreChindings(Object.assign({}, base, { name: name2 }));
        }
      }
      const time3 = timestamp instanceof Function ? timestamp : timestamp ? epochTime : nullTime;
      const timeSliceIndex = time3().indexOf(":") + 1;
      if (useOnlyCustomLevels && !customLevels) throw Error("customLevels is required if useOnlyCustomLevels is set true");
      if (mixin && typeof mixin !== "function") throw Error(`Unknown mixin type "${typeof mixin}" - expected "function"`);
      if (msgPrefix && typeof msgPrefix !== "string") throw Error(`Unknown msgPrefix type "${typeof msgPrefix}" - expected "string"`);
      assertDefaultLevelFound(level, customLevels, useOnlyCustomLevels);
      const levels = mappings(customLevels, useOnlyCustomLevels);
      if (stream && stream[transportUsesMultistreamSym] === true) {
        let sampleLabel = typeof level === "string" ? level : void 0;
        if (!sampleLabel || levels[sampleLabel] === void 0) {
          sampleLabel = Object.keys(levels)[0];
        }
        const sampleNumber = levels[sampleLabel];
        let ok = false;
        try {
          const formatted = formatters.level(sampleLabel, sampleNumber);
          ok = formatted && typeof formatted === "object" && formatted.level === sampleNumber;
        } catch {
          ok = false;
        }
        if (!ok) {
          process.emitWarning(
            'custom formatters.level detected with multiple transport targets/pipelines; ensure logs include a numeric "level" field or they may be dropped',
            { code: "PINO_TRANSPORT_MULTI_TARGETS_LEVEL_FORMATTER" }
          );
        }
      }
      if (typeof stream.emit === "function") {
        stream.emit("message", { code: "PINO_CONFIG", config: { levels, messageKey, errorKey } });
      }
      assertLevelComparison(levelComparison);
      const levelCompFunc = genLevelComparison(levelComparison);
      Object.assign(instance, {
        levels,
        [levelCompSym]: levelCompFunc,
        [useOnlyCustomLevelsSym]: useOnlyCustomLevels,
        [streamSym]: stream,
        [timeSym]: time3,
        [timeSliceIndexSym]: timeSliceIndex,
        [stringifySym]: stringify,
        [stringifySafeSym]: stringifySafe,
        [stringifiersSym]: stringifiers,
        [endSym]: end2,
        [formatOptsSym]: formatOpts,
        [messageKeySym]: messageKey,
        [errorKeySym]: errorKey,
        [nestedKeySym]: nestedKey,
        // protect against injection
        [nestedKeyStrSym]: nestedKey ? `,${JSON.stringify(nestedKey)}:{` : "",
        [serializersSym]: serializers2,
        [mixinSym]: mixin,
        [mixinMergeStrategySym]: mixinMergeStrategy,
        [chindingsSym]: chindings,
        [formattersSym]: allFormatters,
        [hooksSym]: hooks,
        silent: noop,
        onChild,
        [msgPrefixSym]: msgPrefix
      });
      Object.setPrototypeOf(instance, proto());
      genLsCache(instance);
      instance[setLevelSym](level);
      return instance;
    }
    module2.exports = pino2;
    module2.exports.destination = (dest = process.stdout.fd) => {
      if (typeof dest === "object") {
        dest.dest = normalizeDestFileDescriptor(dest.dest || process.stdout.fd);
        return buildSafeSonicBoom(dest);
      } else {
        return buildSafeSonicBoom({ dest: normalizeDestFileDescriptor(dest), minLength: 0 });
      }
    };
    module2.exports.transport = require_stub_0();
    module2.exports.multistream = require_multistream();
    module2.exports.levels = mappings();
    module2.exports.stdSerializers = serializers;
    module2.exports.stdTimeFunctions = Object.assign({}, time2);
    module2.exports.symbols = symbols;
    module2.exports.version = version;
    module2.exports.default = pino2;
    module2.exports.pino = pino2;
  }
});

// src/daemon/main.ts
var fs12 = __toESM(require("node:fs"), 1);
var net2 = __toESM(require("node:net"), 1);
var import_node_util = require("node:util");

// src/place/endpoint.ts
var import_node_os = require("node:os");
var import_node_path = require("node:path");

// src/protocol/limits.ts
var MAX_TEXT_BYTES = 4096;
var MAX_FRAME_BYTES = 64 * 1024;
var MAX_CLIENT_BACKLOG_BYTES = 1024 * 1024;
var MAX_DRAIN_CHARS = 128 * 1024;
var MAX_SOCKET_PATH_BYTES = 100;
var MAX_SEQ = 2 ** 48;
var MAX_TS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
var DEFAULT_LEASE_MS = 1e4;
var MAX_STATUS_SESSIONS = 50;
var MAX_REMEMBERED_SESSIONS = 1e3;
var MAX_LABEL_CHARS = 64;
var MESSAGE_OVERHEAD_CHARS = 64;
var MAX_HISTORY_LIMIT = 1e3;
var MAX_HISTORY_REPLY_BYTES = 256 * 1024;

// src/place/sha256.ts
var K = new Uint32Array([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var rotr = (x, n) => x >>> n | x << 32 - n;
function sha256Hex(text) {
  const data = Buffer.from(text, "utf8");
  const blocks = Math.ceil((data.length + 9) / 64);
  const buf = Buffer.alloc(blocks * 64);
  data.copy(buf);
  buf[data.length] = 128;
  const bits = data.length * 8;
  buf.writeUInt32BE(Math.floor(bits / 2 ** 32), buf.length - 8);
  buf.writeUInt32BE(bits >>> 0, buf.length - 4);
  const h = new Uint32Array([1779033703, 3144134277, 1013904242, 2773480762, 1359893119, 2600822924, 528734635, 1541459225]);
  const w = new Uint32Array(64);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = buf.readUInt32BE(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ w[i - 15] >>> 3;
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ w[i - 2] >>> 10;
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = e & f ^ ~e & g;
      const t1 = hh + S1 + ch + K[i] + w[i] >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = a & b ^ a & c ^ b & c;
      const t2 = S0 + maj >>> 0;
      hh = g;
      g = f;
      f = e;
      e = d + t1 >>> 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

// src/place/endpoint.ts
var EndpointError = class extends Error {
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(problem, fix) {
    super(`${problem}. ${fix}`);
    this.problem = problem;
    this.fix = fix;
  }
  problem;
  fix;
  name = "EndpointError";
};
function socketDir(env = process.env) {
  const override = env.SESSION_BUS_SOCKET_DIR;
  if (override) {
    if (!(0, import_node_path.isAbsolute)(override)) throw new EndpointError(`SESSION_BUS_SOCKET_DIR must be an absolute path, not ${JSON.stringify(override)}: each process would look for it from its own folder`, `Unset it for the default (${defaultSocketDir()}), or give an absolute path`);
    return (0, import_node_path.resolve)(override);
  }
  return defaultSocketDir();
}
function defaultSocketDir() {
  const uid = typeof process.getuid === "function" ? process.getuid() : (0, import_node_os.userInfo)().username;
  return (0, import_node_path.join)("/tmp", `session-bus-${uid}`);
}
var hashed = /* @__PURE__ */ new Map();
function hashRoot(root) {
  let hash = hashed.get(root);
  if (hash === void 0) {
    hash = sha256Hex(root).slice(0, 16);
    if (hashed.size < 64) hashed.set(root, hash);
  }
  return hash;
}
function endpointFor(busRoot, env = process.env) {
  const hash = hashRoot(busRoot);
  const dir = socketDir(env);
  const base = (0, import_node_path.join)(dir, hash);
  const endpoint = {
    dir,
    socketPath: `${base}.sock`,
    lockPath: `${base}.lock`,
    startingPath: `${base}.starting`,
    logPath: `${base}.log`,
    hash
  };
  if (process.platform === "win32") {
    const user = (0, import_node_os.userInfo)().username;
    endpoint.socketPath = `\\\\.\\pipe\\session-bus-${hashRoot(`${user}\0${busRoot}`)}`;
    return endpoint;
  }
  const bytes = Buffer.byteLength(endpoint.socketPath);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new EndpointError(
      `socket path ${endpoint.socketPath} is ${bytes} bytes, over the ${MAX_SOCKET_PATH_BYTES}-byte limit of Unix sockets`,
      "Set SESSION_BUS_SOCKET_DIR to a shorter directory, e.g. SESSION_BUS_SOCKET_DIR=/tmp/sb"
    );
  }
  return endpoint;
}

// src/place/private-dir.ts
var import_node_fs = require("node:fs");
var PrivateDirError = class extends Error {
  name = "PrivateDirError";
};
function ensurePrivateDir(dir) {
  try {
    (0, import_node_fs.mkdirSync)(dir, { mode: 448, recursive: true });
  } catch (err) {
    const code = err.code;
    if (code !== "EEXIST") throw new PrivateDirError(`cannot create the socket directory ${dir}: ${code ?? String(err)}`);
  }
  checkPrivateDir(dir);
}
function privateDirProblem(dir, st, uid = process.getuid?.()) {
  if (st.isSymbolicLink()) return { problem: `refusing the socket directory ${dir}: it is a symlink`, fix: `Remove it (rm ${dir}) or set SESSION_BUS_SOCKET_DIR` };
  if (!st.isDirectory()) return { problem: `refusing the socket directory ${dir}: it is not a directory`, fix: "Remove it or set SESSION_BUS_SOCKET_DIR" };
  if (uid !== void 0 && st.uid !== uid) {
    return { problem: `refusing the socket directory ${dir}: owned by uid ${st.uid}, not by you (uid ${uid})`, fix: "Set SESSION_BUS_SOCKET_DIR to a directory of your own" };
  }
  if ((st.mode & 63) !== 0) {
    return { problem: `refusing the socket directory ${dir}: mode ${(st.mode & 511).toString(8)} lets others in`, fix: `Run: chmod 700 ${dir}` };
  }
  return void 0;
}
function checkPrivateDir(dir) {
  if (process.platform === "win32") return;
  const found = privateDirProblem(dir, (0, import_node_fs.lstatSync)(dir));
  if (found) throw new PrivateDirError(`${found.problem}. ${found.fix}`);
}

// src/place/project.ts
var import_node_fs3 = require("node:fs");
var import_node_os2 = require("node:os");
var import_node_path3 = require("node:path");

// src/place/git-files.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");
function findGitDir(dir) {
  let cur = (0, import_node_path2.resolve)(dir);
  for (; ; ) {
    const dotGit = (0, import_node_path2.join)(cur, ".git");
    try {
      const st = (0, import_node_fs2.statSync)(dotGit);
      if (st.isDirectory()) return dotGit;
      if (st.isFile()) {
        const m = /^gitdir:[ \t]*([^\r\n]+)/m.exec((0, import_node_fs2.readFileSync)(dotGit, "utf8"));
        if (m) return (0, import_node_path2.resolve)(cur, m[1].trim());
      }
    } catch {
    }
    const parent = (0, import_node_path2.dirname)(cur);
    if (parent === cur) return void 0;
    cur = parent;
  }
}
function gitCommonDir(gitDir) {
  try {
    let common = gitDir;
    try {
      common = (0, import_node_path2.resolve)(gitDir, (0, import_node_fs2.readFileSync)((0, import_node_path2.join)(gitDir, "commondir"), "utf8").trim());
    } catch {
    }
    return (0, import_node_fs2.realpathSync)(common);
  } catch {
    return void 0;
  }
}
function worktreesOf(commonDir) {
  const out = /* @__PURE__ */ new Set();
  if ((0, import_node_path2.basename)(commonDir) === ".git") out.add((0, import_node_path2.dirname)(commonDir));
  let names = [];
  try {
    names = (0, import_node_fs2.readdirSync)((0, import_node_path2.join)(commonDir, "worktrees"));
  } catch {
  }
  for (const name2 of names) {
    try {
      const gitFile = (0, import_node_fs2.readFileSync)((0, import_node_path2.join)(commonDir, "worktrees", name2, "gitdir"), "utf8").trim();
      out.add((0, import_node_path2.dirname)((0, import_node_path2.resolve)(commonDir, "worktrees", name2, gitFile)));
    } catch {
    }
  }
  return [...out];
}

// src/place/project.ts
var MAILBOX_FILE = "mailbox.jsonl";
var LEGACY_MAILBOX_DIR = (0, import_node_path3.join)(".claude", ".session-bus");
function locateProject(dir) {
  const projectDir = (0, import_node_fs3.realpathSync)(dir);
  const gitDir = findGitDir(projectDir);
  const commonDir = gitDir ? gitCommonDir(gitDir) : void 0;
  if (commonDir) {
    const mailboxDir2 = (0, import_node_path3.join)(commonDir, "session-bus");
    return { projectDir, busRoot: commonDir, mailboxDir: mailboxDir2, mailboxPath: (0, import_node_path3.join)(mailboxDir2, MAILBOX_FILE), inGit: true };
  }
  const busRoot = folderBusRoot(projectDir);
  const mailboxDir = (0, import_node_path3.join)(busRoot, LEGACY_MAILBOX_DIR);
  return { projectDir, busRoot, mailboxDir, mailboxPath: (0, import_node_path3.join)(mailboxDir, MAILBOX_FILE), inGit: false };
}
function folderBusRoot(dir) {
  let home;
  try {
    home = (0, import_node_fs3.realpathSync)((0, import_node_os2.homedir)());
  } catch {
  }
  for (let d = dir; ; d = (0, import_node_path3.dirname)(d)) {
    if ((0, import_node_fs3.existsSync)((0, import_node_path3.join)(d, LEGACY_MAILBOX_DIR))) return d;
    if (d !== home && (0, import_node_fs3.existsSync)((0, import_node_path3.join)(d, ".claude"))) return d;
    if (d === home || (0, import_node_path3.dirname)(d) === d) return dir;
  }
}
function legacyMailboxes(location) {
  if (!location.inGit) return [];
  const dirs = /* @__PURE__ */ new Set([location.projectDir, ...worktreesOf(location.busRoot)]);
  return [...dirs].map((d) => (0, import_node_path3.join)(d, LEGACY_MAILBOX_DIR, MAILBOX_FILE)).filter((f) => (0, import_node_fs3.existsSync)(f));
}
function ensureSelfIgnoring(mailboxDir) {
  const ignore = (0, import_node_path3.join)(mailboxDir, ".gitignore");
  if ((0, import_node_fs3.existsSync)(ignore)) return;
  (0, import_node_fs3.mkdirSync)(mailboxDir, { recursive: true, mode: 448 });
  (0, import_node_fs3.writeFileSync)(ignore, "*\n", { mode: 384 });
}

// src/protocol/version.ts
var VERSION = "0.3.0";
var PROTOCOL_VERSION = 1;
function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function isOlderThan(peer, protocol, version) {
  return peer.protocol < protocol || compareVersions(peer.version, version) < 0;
}

// src/place/config.ts
var DEFAULT_RETENTION = { maxCount: 1e4, maxAgeMs: 7 * 24 * 36e5 };
var DEFAULT_GRACE_MS = 5e3;
var DEFAULT_IDLE_MS = 30 * 6e4;
var TIMER_MAX_MS = 2 ** 31 - 1;
function readConfig(env) {
  const fsync = env.SESSION_BUS_FSYNC || "interval";
  if (fsync !== "interval" && fsync !== "always") {
    throw new Error(`SESSION_BUS_FSYNC must be "interval" or "always", not ${JSON.stringify(fsync)}`);
  }
  return {
    idleMs: timerMs(env, "SESSION_BUS_IDLE_MS", DEFAULT_IDLE_MS),
    graceMs: timerMs(env, "SESSION_BUS_GRACE_MS", DEFAULT_GRACE_MS),
    fsync,
    retention: {
      maxCount: wholeCount(env, "SESSION_BUS_RETAIN_COUNT", DEFAULT_RETENTION.maxCount),
      maxAgeMs: positive(env, "SESSION_BUS_RETAIN_DAYS", DEFAULT_RETENTION.maxAgeMs / 864e5) * 864e5
    }
  };
}
function positive(env, name2, fallback) {
  const raw = env[name2];
  if (raw === void 0 || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name2} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}
function timerMs(env, name2, fallback) {
  const n = positive(env, name2, fallback);
  if (n > TIMER_MAX_MS) throw new Error(`${name2} must be at most ${TIMER_MAX_MS} ms (about 24 days), not ${JSON.stringify(env[name2])}`);
  return n;
}
function wholeCount(env, name2, fallback) {
  const n = positive(env, name2, fallback);
  if (!Number.isInteger(n)) throw new Error(`${name2} must be a whole number \u2265 1, not ${JSON.stringify(env[name2])}`);
  return n;
}

// src/place/settings.ts
var import_node_fs4 = require("node:fs");
var import_node_path4 = require("node:path");
var SETTINGS = [
  { key: "idle-ms", env: "SESSION_BUS_IDLE_MS", default: "1800000", about: "the daemon exits after this long with no clients" },
  { key: "fsync", env: "SESSION_BUS_FSYNC", default: "interval", about: '"interval" or "always" (see the durability promise)' },
  { key: "retain-count", env: "SESSION_BUS_RETAIN_COUNT", default: "10000", about: "messages kept in the mailbox" },
  { key: "retain-days", env: "SESSION_BUS_RETAIN_DAYS", default: "7", about: "days messages are kept" },
  { key: "grace-ms", env: "SESSION_BUS_GRACE_MS", default: "5000", about: "a live session gone this long has left: its claims end" },
  { key: "nats-url", env: "SESSION_BUS_NATS_URL", default: "", about: "NATS server(s) for federation; empty: off" },
  { key: "project", env: "SESSION_BUS_PROJECT", default: "", about: "federation project key; default: hash of the origin remote" },
  { key: "host", env: "SESSION_BUS_HOST", default: "", about: "this host's name for other hosts; default: the hostname" },
  { key: "fed-lease-ms", env: "SESSION_BUS_FED_LEASE_MS", default: "15000", about: "a silent host's presence and claims expire after this long" }
];
var SETTINGS_FILE = "settings.json";
function settingsPath(mailboxDir) {
  return (0, import_node_path4.join)(mailboxDir, SETTINGS_FILE);
}
function settingsFor(mailboxDir, env) {
  return resolveSettings(env, readSettingsFile(settingsPath(mailboxDir)));
}
function settingDef(key) {
  return SETTINGS.find((s) => s.key === key || s.env === key);
}
function readSettingsFile(path6) {
  if (!(0, import_node_fs4.existsSync)(path6)) return {};
  let text;
  try {
    text = (0, import_node_fs4.readFileSync)(path6, "utf8");
  } catch (err) {
    const code = err.code;
    throw new Error(`the settings file ${path6} cannot be read (${code === "EISDIR" ? "EISDIR: it is a folder" : code ?? err.message}); fix it or remove it`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`the settings file ${path6} is not valid JSON (${err.message}); fix it or remove it`);
  }
  const values = {};
  for (const [k, v] of Object.entries(parsed ?? {})) {
    if (settingDef(k) && (typeof v === "string" || typeof v === "number")) values[settingDef(k).key] = String(v);
  }
  return values;
}
function shown(def, value) {
  return def.key === "nats-url" ? value.replace(/\/\/[^@/]*@/g, "//***@") : value;
}
function resolveSettings(env, file) {
  const out = { ...env };
  const report = [];
  for (const def of SETTINGS) {
    const fromEnv = env[def.env];
    if (fromEnv !== void 0 && fromEnv !== "") {
      report.push({ key: def.key, env: def.env, value: shown(def, fromEnv), source: "env" });
    } else if (file[def.key] !== void 0) {
      out[def.env] = file[def.key];
      report.push({ key: def.key, env: def.env, value: shown(def, file[def.key]), source: "file" });
    } else {
      report.push({ key: def.key, env: def.env, value: def.default, source: "default" });
    }
  }
  return { env: out, report };
}

// src/protocol/messages.ts
var MESSAGE_KINDS = ["note", "lock", "unlock", "handoff"];
var MESSAGE_NOTIFICATION = "message";
function shortId(sessionId) {
  if (sessionId.startsWith("human:")) return sessionId;
  return sessionId.replace(/-/g, "").slice(0, 6);
}

// src/daemon/broker-types.ts
function lastPid(s) {
  return [...s.pids].pop() ?? 0;
}
function sessionEntry(s) {
  const entry = { type: "session", id: s.id, ids: [...s.ids], pids: [...s.pids], label: s.label, firstSeen: s.firstSeen };
  if (s.cwd) entry.cwd = s.cwd;
  return entry;
}
function cursorEntry(s, now) {
  return { type: "cursor", id: s.id, seq: s.cursor, ts: now };
}
function sessionStatus(session, queueDepth) {
  return {
    sessionId: session.id,
    shortId: shortId(session.id),
    label: session.label,
    pid: lastPid(session),
    cwd: session.cwd,
    connected: session.connections > 0,
    queueDepth,
    cursor: session.cursor,
    firstSeen: session.firstSeen,
    lastSeen: session.lastSeen,
    ...session.lastReached ? { lastReached: session.lastReached } : {}
  };
}

// src/daemon/claims.ts
var NAME = /^[A-Za-z][\w.+-]*:(?![\\/])/;
function isName(resource) {
  return NAME.test(resource);
}
function normalizeResource(resource) {
  const r = resource.trim();
  if (isName(r)) return r;
  const segs = r.replace(/\\/g, "/").split("/").filter((s) => s !== "" && s !== ".");
  return segs.join("/") || ".";
}
function hasGlob(s) {
  return /[*?[]/.test(s);
}
function overlaps(a, b) {
  const an = isName(a);
  const bn = isName(b);
  if (an || bn) return an && bn && a === b;
  return segmentsOverlap(expand(a), expand(b));
}
function literalPrefix(resource) {
  const segs = normalizeResource(resource).split("/");
  const fixed = [];
  for (const s of segs) {
    if (s === "." || hasGlob(s)) break;
    fixed.push(s);
  }
  return fixed.join("/");
}
function expand(p) {
  const segs = p === "." ? [] : p.split("/");
  if (!segs.some(hasGlob)) segs.push("**");
  return segs;
}
function segmentsOverlap(a, b) {
  const memo = /* @__PURE__ */ new Map();
  const go = (i, j) => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== void 0) return hit;
    let r;
    if (i === a.length && j === b.length) r = true;
    else if (a[i] === "**") r = go(i + 1, j) || j < b.length && go(i, j + 1);
    else if (b[j] === "**") r = go(i, j + 1) || i < a.length && go(i + 1, j);
    else if (i === a.length || j === b.length) r = false;
    else r = segmentCompatible(a[i], b[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
function segmentCompatible(x, y) {
  const gx = hasGlob(x);
  const gy = hasGlob(y);
  if (!gx && !gy) return x === y;
  if (!gx) return globMatch(y, x);
  if (!gy) return globMatch(x, y);
  const [px, sx] = fixedEnds(x);
  const [py, sy] = fixedEnds(y);
  return (px.startsWith(py) || py.startsWith(px)) && (sx.endsWith(sy) || sy.endsWith(sx));
}
function fixedEnds(glob) {
  const first = glob.search(/[*?[]/);
  let last = -1;
  for (let i = glob.length - 1; i >= 0; i--) {
    if ("*?]".includes(glob[i])) {
      last = i;
      break;
    }
  }
  return [glob.slice(0, first), glob.slice(last + 1)];
}
function parseGlob(glob) {
  const tokens = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (c === "?") tokens.push({ kind: "any" });
    else if (c === "[" && glob.indexOf("]", i + 2) !== -1) {
      const end2 = glob.indexOf("]", i + 2);
      let body = glob.slice(i + 1, end2);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      tokens.push({ kind: "class", negate, items: [...body] });
      i = end2;
    } else tokens.push({ kind: "char", c });
  }
  return tokens;
}
function classHas(items, c) {
  for (let i = 0; i < items.length; i++) {
    if (items[i + 1] === "-" && i + 2 < items.length) {
      if (items[i] <= c && c <= items[i + 2]) return true;
      i += 2;
    } else if (items[i] === c) return true;
  }
  return false;
}
function tokenMatches(t, c) {
  if (t.kind === "char") return t.c === c;
  if (t.kind === "any") return c !== "/";
  if (t.kind === "class") return c !== "/" && classHas(t.items, c) !== t.negate;
  return false;
}
function globMatch(glob, s) {
  const tokens = parseGlob(glob);
  const chars = [...s];
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < chars.length) {
    const t = tokens[ti];
    if (t && t.kind === "star") {
      starTi = ti++;
      starSi = si;
    } else if (t && tokenMatches(t, chars[si])) {
      ti++;
      si++;
    } else if (starTi !== -1 && chars[starSi] !== "/") {
      ti = starTi + 1;
      si = ++starSi;
    } else return false;
  }
  while (tokens[ti]?.kind === "star") ti++;
  return ti === tokens.length;
}
var ClaimTable = class {
  claims = /* @__PURE__ */ new Map();
  /** A live claim by someone else that overlaps `resource`. */
  conflict(resource, holder, now) {
    for (const c of this.claims.values()) {
      if (c.holder !== holder && !expired(c, now) && overlaps(c.resource, resource)) return c;
    }
    return void 0;
  }
  /** Takes or refreshes a claim: only through applyClaimEntry, once its entry is recorded. */
  put(claim2) {
    this.claims.set(claim2.resource, claim2);
  }
  get(resource) {
    return this.claims.get(resource);
  }
  remove(resource) {
    this.claims.delete(resource);
  }
  heldBy(holder) {
    return [...this.claims.values()].filter((c) => c.holder === holder);
  }
  list(now) {
    return [...this.claims.values()].filter((c) => !expired(c, now)).sort((a, b) => a.since - b.since);
  }
  clear() {
    this.claims.clear();
  }
};
function expired(c, now) {
  return c.expiresAt !== void 0 && c.expiresAt <= now;
}

// src/daemon/claim-decisions.ts
function decideClaim(b, session, who, resource, now, ttlMs, note) {
  const name2 = normalizeResource(resource);
  const conflict = b.claims.conflict(name2, session.id, now);
  if (conflict) return { ok: false, conflict, entries: [], records: [] };
  const claim2 = { resource: name2, holder: session.id, label: session.label, since: b.claims.get(name2)?.since ?? now };
  if (ttlMs !== void 0) claim2.expiresAt = now + ttlMs;
  if (note) claim2.note = note;
  const text = `claimed ${name2}${note ? ` (${note})` : ""}${ttlMs !== void 0 ? ` for ${Math.round(ttlMs / 1e3)}s` : ""}`;
  return { ok: true, claim: claim2, entries: [{ type: "claim", ...claim2 }], records: [b.stamp(who, "lock", text, now)] };
}
function decideRelease(b, session, resource, now) {
  const held = b.claims.get(normalizeResource(resource));
  if (!held || held.holder !== session.id) return void 0;
  return { released: held, ...endClaims(b, [held], now, "released") };
}
function endSessionClaims(b, session, now, reason) {
  const ended = endClaims(b, b.claims.heldBy(session.id), now, reason);
  if (b.workingSets.has(session.id)) ended.entries.push({ type: "settle", id: session.id, ts: now });
  return ended;
}
function expireClaims(b, now) {
  const gone = b.claims.list(Number.NEGATIVE_INFINITY).filter((c) => c.expiresAt !== void 0 && c.expiresAt <= now);
  return endClaims(b, gone, now, "expired");
}
function endClaims(b, claims2, now, reason) {
  const entries = [];
  const records = [];
  for (const c of claims2) {
    entries.push({ type: "release", resource: c.resource, holder: c.holder, ts: now });
    const holder = b.session(c.holder);
    const origin = { sessionId: c.holder, pid: holder ? lastPid(holder) : 0, label: c.label };
    records.push(b.stamp(origin, "unlock", reason === "released" ? `released ${c.resource}` : `${c.resource} is free: ${reason}`, now));
  }
  return { entries, records, ended: claims2 };
}

// src/display/time.ts
function ago(ms) {
  const m = Math.max(0, Math.round(ms / 6e4));
  return m < 1 ? "just now" : m < 90 ? `${m}m ago` : m < 48 * 60 ? `${Math.round(m / 60)}h ago` : `${Math.round(m / 1440)}d ago`;
}
function utcClock(ts, seconds = true) {
  if (!Number.isFinite(ts) || Math.abs(ts) > 864e13) return seconds ? "??:??:??" : "??:??";
  const s = Math.floor((Math.trunc(ts) % 864e5 + 864e5) % 864e5 / 1e3);
  const hhmm = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}`;
  return seconds ? `${hhmm}:${pad2(s % 60)}` : hhmm;
}
function pad2(n) {
  return String(n).padStart(2, "0");
}

// src/protocol/sanitize.ts
var ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
function cleanText(text) {
  return text.replace(/\r\n?/g, "\n").replace(ANSI, "").replace(CONTROL, "");
}
var UNSAFE = /(?<![\p{Extended_Pictographic}#*0-9])[\uFE0E\uFE0F]|(?![\uFE0E\uFE0F])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
var TAG_START = /<(?=[\p{Cf}\p{Default_Ignorable_Code_Point}]*[/!?A-Za-z])/gu;
var SHORT_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
var LABEL_SAFE = /[^\w.:#/@+-]/g;
function escapeChar(c) {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  let out = "";
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
function inert(text, form = "bare") {
  if (form === "label") return text.replace(LABEL_SAFE, "?");
  const body = form === "quoted" ? text.replace(/["\\]/g, "\\$&") : text;
  const escaped = body.replace(TAG_START, "\\u003c").replace(UNSAFE, escapeChar);
  return form === "quoted" ? `"${escaped}"` : escaped;
}

// src/protocol/errors.ts
function describeError(code, data = {}) {
  switch (code) {
    case -32700 /* ParseError */:
      return `invalid JSON on the wire${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32600 /* InvalidRequest */:
      return `not a JSON-RPC 2.0 request${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32601 /* MethodNotFound */:
      return `unknown method ${JSON.stringify(data.method)}`;
    case -32602 /* InvalidParams */:
      return `invalid parameters for ${String(data.method)}: ${String(data.detail ?? "wrong shape")}`;
    case -32603 /* Internal */:
      return `internal error in the session-bus daemon${data.detail ? `: ${String(data.detail)}` : ""}`;
    case -32001 /* FrameTooLarge */:
      return `frame of ${String(data.bytes)} bytes is over the ${MAX_FRAME_BYTES}-byte limit; closing the connection`;
    case -32002 /* InvalidUtf8 */:
      return "frame is not valid UTF-8";
    case -32010 /* TextTooLong */:
      return `message text is ${String(data.bytes)} bytes; the limit is ${MAX_TEXT_BYTES} bytes. Shorten it or point to a file instead`;
    case -32011 /* TextEmpty */:
      return "message text is empty";
    case -32020 /* LogWriteFailed */:
      return `${data.method === void 0 || data.method === "broadcast" ? "the message was not sent" : `${String(data.method)} was not done`}: the mailbox could not be written (${String(data.cause ?? "I/O error")}) at ${String(data.path ?? "the mailbox")}. Free disk space or fix permissions; reads keep working, and the bus recovers by itself once the mailbox can be written`;
    case -32030 /* IncompatibleProtocol */:
      return `the running session-bus daemon (version ${String(data.daemonVersion)}, protocol ${String(data.daemonProtocol)}) is newer than this client (version ${String(data.clientVersion)}, protocol ${String(data.clientProtocol)}). Update the session-bus plugin in this session, or stop the daemon with \`session-bus stop\``;
    case -32031 /* DaemonTooOld */:
      return `the running session-bus daemon (pid ${String(data.pid)}, version ${String(data.daemonVersion)}) predates ${String(data.feature)}. Restart it with \`session-bus restart\``;
    case -32040 /* ShuttingDown */:
      return "the daemon is shutting down; retry";
    case -32050 /* UnknownRecipient */:
      return `unknown or ambiguous recipient ${inert(String(data.recipient), "quoted")}; live peers: ${formatList(data.peers)}`;
    case -32060 /* ClaimConflict */:
      return `${shown2(data.resource)} is held by ${inert(String(data.holder), "label")}${data.host ? ` on ${inert(String(data.host), "label")}` : ""} since ${since(data.since)}${data.note ? ` (${shown2(data.note)})` : ""}`;
    case -32061 /* NotHolder */:
      return `${shown2(data.resource)} is not held by this session`;
    case -32062 /* OutsideRepository */:
      return `${shown2(data.resource)} is outside this repository (${shown2(data.root)}): claim a path inside it, relative to its root or absolute, or a name such as port:1420`;
    default:
      return `error ${code}`;
  }
}
function since(iso, now = Date.now()) {
  const ts = Date.parse(String(iso));
  if (!Number.isFinite(ts)) return String(iso);
  return `${ago(now - ts)} (${utcClock(ts, false)} UTC)`;
}
function formatList(v) {
  return Array.isArray(v) && v.length > 0 ? v.map((l) => inert(String(l), "label")).join(", ") : "none";
}
function shown2(v) {
  return inert(String(v));
}
var BusError = class extends Error {
  constructor(code, data = {}) {
    super(describeError(code, data));
    this.code = code;
    this.data = data;
    this.name = "BusError";
  }
  code;
  data;
  toWire() {
    return { code: this.code, message: this.message, data: this.data };
  }
};

// src/place/apply-entry.ts
function applyEntry(state, entry) {
  switch (entry.type) {
    case "msg": {
      const { type: _type, ...record } = entry;
      state.addMessage(record);
      return;
    }
    case "session":
      state.putSession(entry);
      return;
    case "cursor":
      state.setCursor(entry);
      return;
    case "meta":
      state.raiseSeq(entry.lastSeq);
      return;
    case "claim":
    case "release":
      applyClaimEntry(state.claims, entry);
      return;
    case "fed":
      state.setFederation(entry);
      return;
    case "touch":
      applyTouch(state.workingSets, entry);
      return;
    case "settle":
      applySettle(state.workingSets, entry);
      return;
  }
}
function applyClaimEntry(claims2, entry) {
  if (entry.type === "claim") {
    const { type: _type, ...claim2 } = entry;
    claims2.put(claim2);
  } else if (claims2.get(entry.resource)?.holder === entry.holder) {
    claims2.remove(entry.resource);
  }
}
function claimMap(map) {
  return { get: (r) => map.get(r), put: (c) => void map.set(c.resource, c), remove: (r) => void map.delete(r) };
}
function foldFederation(position2, entry) {
  const fed = position2 ?? { received: /* @__PURE__ */ new Map() };
  fed.published = Math.max(fed.published ?? 0, entry.published);
  for (const [host, seq2] of Object.entries(entry.received ?? {})) fed.received.set(host, Math.max(fed.received.get(host) ?? 0, seq2));
  return fed;
}
function applyTouch(sets, e) {
  const trees = sets.get(e.id) ?? /* @__PURE__ */ new Map();
  const files = trees.get(e.tree) ?? /* @__PURE__ */ new Map();
  for (const p of e.paths) files.set(p, Math.max(files.get(p) ?? 0, e.ts));
  trees.set(e.tree, files);
  sets.set(e.id, trees);
}
function applySettle(sets, e) {
  const trees = sets.get(e.id);
  if (!trees) return;
  if (e.paths === void 0) {
    if (e.tree === void 0) sets.delete(e.id);
    else trees.delete(e.tree);
  } else {
    for (const [tree, files] of trees) {
      if (e.tree !== void 0 && tree !== e.tree) continue;
      for (const p of e.paths) files.delete(p);
      if (files.size === 0) trees.delete(tree);
    }
  }
  if (trees.size === 0) sets.delete(e.id);
}

// src/daemon/retained-messages.ts
var RetainedMessages = class {
  constructor(retention) {
    this.retention = retention;
  }
  retention;
  seq = 0;
  /** The last seq recorded (see recordedSeq): at most `seq`, below it while a message is being written. */
  recorded = 0;
  /** Retained messages, ascending seq. */
  messages = [];
  /** Shared copies of origins (by session id, then pid) and labels: see share(). */
  origins = /* @__PURE__ */ new Map();
  labels = /* @__PURE__ */ new Map();
  get lastSeq() {
    return this.seq;
  }
  get count() {
    return this.messages.length;
  }
  /** The retained messages, ascending seq: read-only. */
  get list() {
    return this.messages;
  }
  /**
   * The last seq the mailbox has a message for (or its meta names): every message up to it is
   * in the list, or retention dropped it. Seqs above it, up to lastSeq, are stamped on messages
   * still being written (or refused). A reader that has every message up to it has every one
   * accepted so far, and can be told of each later one as it is accepted.
   */
  get recordedSeq() {
    return this.recorded;
  }
  /** No seq up to `lastSeq` is given again; every one up to it is recorded (a mailbox's meta). */
  raiseSeq(lastSeq) {
    if (lastSeq > this.seq) this.seq = lastSeq;
    if (lastSeq > this.recorded) this.recorded = lastSeq;
  }
  /** Spends the next seq: never reused, even if the message it was for is then refused. */
  nextSeq() {
    this.seq += 1;
    return this.seq;
  }
  /** Adds a message made durable by the caller (live, or read back by replay). */
  accept(record) {
    this.raiseSeq(record.seq);
    this.share(record);
    const max = this.retention.maxCount;
    if (this.messages.length >= max + Math.max(100, Math.floor(max / 10))) this.messages = this.messages.slice(this.messages.length - max + 1);
    const last = this.messages[this.messages.length - 1];
    if (last && last.seq >= record.seq) {
      const at = this.indexAfter(record.seq);
      this.messages.splice(at, 0, record);
    } else {
      this.messages.push(record);
    }
  }
  /** Retained messages with seq > `seq`, oldest first. */
  after(seq2) {
    return this.messages.slice(this.indexAfter(seq2));
  }
  /** Drops what falls out of the retention window (count, then age); returns how many went. */
  dropOld(now) {
    const cutoff = now - this.retention.maxAgeMs;
    let drop = Math.max(0, this.messages.length - this.retention.maxCount);
    while (drop < this.messages.length && this.messages[drop].ts < cutoff) drop++;
    if (drop > 0) this.messages = this.messages.slice(drop);
    return drop;
  }
  /** The position that leaves every message at or after `since` unread (a new session's backfill). */
  seqBefore(since2) {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.messages[mid].ts < since2) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? (this.messages[0]?.seq ?? this.seq + 1) - 1 : this.messages[lo - 1].seq;
  }
  /** Index of the first retained message with seq > `seq` (binary search: drain stays flat). */
  indexAfter(seq2) {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.messages[mid].seq <= seq2) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /**
   * Makes a message use the one copy of its origin, label and kind that earlier messages use:
   * a log of 100,000 messages from a few sessions holds a few copies, not 100,000. Sharing is
   * only a saving, so the pool is simply emptied when it grows large.
   */
  share(m) {
    if (this.origins.size + this.labels.size > 1e4) {
      this.origins.clear();
      this.labels.clear();
    }
    let byPid = this.origins.get(m.origin.sessionId);
    if (!byPid) this.origins.set(m.origin.sessionId, byPid = /* @__PURE__ */ new Map());
    const origin = byPid.get(m.origin.pid);
    if (origin) m.origin = origin;
    else byPid.set(m.origin.pid, m.origin);
    const from = this.labels.get(m.from);
    if (from !== void 0) m.from = from;
    else this.labels.set(m.from, m.from);
    m.kind = MESSAGE_KINDS.find((k) => k === m.kind) ?? m.kind;
  }
};

// src/daemon/recipients.ts
function remoteRecipients(hosts) {
  return hosts.flatMap((h) => h.sessions.map((s) => ({ id: s.sessionId, ids: [s.sessionId], names: [`${s.label}@${h.name}`, s.label], shown: `${s.label}@${h.name}` })));
}
function matchRecipients(tokens, candidates) {
  const ids = [];
  for (const token of tokens) {
    const t = token.trim().replace(/^#/, "");
    const matches = candidates.filter((c) => shortId(c.id) === t || has(c.ids, t) || c.names.some((n) => n === t || n.endsWith(`#${t}`) || n.startsWith(`${t}#`)));
    if (matches.length !== 1) return { ok: false, recipient: token, peers: candidates.map((c) => c.shown) };
    ids.push(matches[0].id);
  }
  return { ok: true, ids: [...new Set(ids)] };
}
function has(ids, id) {
  return ids instanceof Set ? ids.has(id) : ids.includes(id);
}

// src/daemon/session-registry.ts
var SessionRegistry = class {
  sessions = /* @__PURE__ */ new Map();
  /** Any id a session has had → the session. */
  byId = /* @__PURE__ */ new Map();
  /**
   * Claude pid → the session last seen running in it. A pid locates a session's markers and
   * nothing more: pids are reused, and a session is its session id.
   */
  byPid = /* @__PURE__ */ new Map();
  get size() {
    return this.sessions.size;
  }
  /**
   * Finds the session a caller speaks for, or decides to create it; changes nothing (the entries
   * returned do, once recorded: put). A new session id from a Claude Code process whose session
   * is connected now (hooks after `/clear`; its MCP server keeps the first id) joins that session,
   * so its own earlier messages stay its own and its position carries over. A pid whose session
   * is not connected is a reused pid: a new session, not an old one. A live registration (an MCP
   * server, which keeps its spawn id) never joins by pid: an unknown id there is a new session,
   * even at a pid another pid namespace (a container) also uses.
   */
  resolve(who, now, firstCursor, joinByPid = true) {
    let session = this.byId.get(who.sessionId);
    const ids = session ? void 0 : [who.sessionId];
    if (!session && who.pid > 0 && joinByPid) {
      const running = this.byPid.get(who.pid);
      session = running && running.connections > 0 ? running : void 0;
    }
    if (!session) {
      const created = {
        id: who.sessionId,
        ids: new Set(ids),
        pids: new Set(who.pid > 0 ? [who.pid] : []),
        label: who.label,
        cwd: who.cwd,
        cursor: firstCursor(),
        firstSeen: now,
        lastSeen: now,
        connections: 0
      };
      return { session: created, entries: [sessionEntry(created), cursorEntry(created, now)] };
    }
    const next = sessionEntry(session);
    let changed = false;
    if (ids) {
      next.ids.push(who.sessionId);
      changed = true;
    }
    if (who.pid > 0 && !session.pids.has(who.pid)) {
      next.pids.push(who.pid);
      changed = true;
    }
    if (who.sessionId === session.id && who.label && who.label !== session.label) {
      next.label = who.label;
      changed = true;
    }
    if (who.cwd && who.cwd !== session.cwd) {
      next.cwd = who.cwd;
      changed = true;
    }
    return { session, entries: changed ? [next] : [] };
  }
  /** A session entry recorded: the session as the entry says (created at `cursor` when new). */
  put(entry, cursor) {
    let s = this.sessions.get(entry.id);
    if (!s) {
      s = { id: entry.id, ids: /* @__PURE__ */ new Set(), pids: /* @__PURE__ */ new Set(), label: entry.label, cursor, firstSeen: entry.firstSeen, lastSeen: entry.firstSeen, connections: 0 };
      this.sessions.set(s.id, s);
    }
    s.ids = /* @__PURE__ */ new Set([entry.id, ...entry.ids]);
    s.pids = new Set(entry.pids);
    s.label = entry.label;
    s.cwd = entry.cwd;
    s.firstSeen = entry.firstSeen;
    for (const id of s.ids) this.byId.set(id, s);
    for (const pid of s.pids) {
      const before = this.byPid.get(pid);
      if (!before || before.lastSeen <= s.lastSeen) this.byPid.set(pid, s);
    }
  }
  /** A position recorded. */
  setCursor(entry) {
    const s = this.sessions.get(entry.id);
    if (!s) return;
    s.cursor = entry.seq;
    s.lastSeen = Math.max(s.lastSeen, entry.ts);
  }
  /**
   * The session was just heard from, running in `pid`: runtime facts, not recorded (the log has
   * the pids a session ran in; which one runs it now is what the markers need).
   */
  touch(session, pid, now) {
    session.lastSeen = now;
    if (pid > 0 && session.pids.has(pid)) this.byPid.set(pid, session);
  }
  connect(session, now) {
    if (session.connections === 0) session.connectedSince = now;
    session.connections += 1;
  }
  disconnect(session, now) {
    session.connections = Math.max(0, session.connections - 1);
    if (session.connections === 0) session.connectedSince = void 0;
    session.lastSeen = now;
  }
  /** Live sessions: an open MCP connection each. */
  peers() {
    return this.list().filter((s) => s.connections > 0).sort((a, b) => (a.connectedSince ?? 0) - (b.connectedSince ?? 0));
  }
  byAnyId(id) {
    return this.byId.get(id);
  }
  /** By the first id, the session's key in the log. */
  byKey(id) {
    return this.sessions.get(id);
  }
  list() {
    return [...this.sessions.values()];
  }
  /** The session a Claude pid runs now (its markers are this session's), if any. */
  ofPid(pid) {
    return this.byPid.get(pid);
  }
  /** Direct-message recipients among the live peers (and `remote`: another host's live sessions); see matchRecipients. */
  recipients(sender, tokens, remote = []) {
    const local = this.peers().filter((s) => s !== sender).map((s) => ({ id: s.id, ids: s.ids, names: [s.label], shown: s.label }));
    return matchRecipients(tokens, [...local, ...remote]);
  }
  forget(s) {
    this.sessions.delete(s.id);
    for (const id of s.ids) this.byId.delete(id);
    for (const pid of s.pids) if (this.byPid.get(pid) === s) this.byPid.delete(pid);
  }
};

// src/daemon/broker.ts
var Broker = class {
  constructor(retention = DEFAULT_RETENTION) {
    this.retention = retention;
    this.kept = new RetainedMessages(retention);
  }
  retention;
  kept;
  registry = new SessionRegistry();
  claims = new ClaimTable();
  /** Working sets: which files each session changed and has not committed (see TouchEntry). */
  workingSets = /* @__PURE__ */ new Map();
  /** Federation's position as the mailbox records it (read once, when federation starts). */
  federationPosition;
  get lastSeq() {
    return this.kept.lastSeq;
  }
  /** The last seq whose message is accepted (RetainedMessages.recordedSeq): what readers are answered up to. */
  get recordedSeq() {
    return this.kept.recordedSeq;
  }
  get messageCount() {
    return this.kept.count;
  }
  /** The retained messages, ascending seq: read-only (history, watchers). */
  retained() {
    return this.kept.list;
  }
  /** Recorded entries, through the one reducer: the only way recorded state changes. */
  apply(entries) {
    for (const e of entries) applyEntry(this, e);
  }
  addMessage(record) {
    this.kept.accept(record);
  }
  putSession(entry) {
    this.registry.put(entry, this.lastSeq);
  }
  setCursor(entry) {
    this.registry.setCursor(entry.seq > this.lastSeq ? { ...entry, seq: this.lastSeq } : entry);
  }
  raiseSeq(lastSeq) {
    this.kept.raiseSeq(lastSeq);
  }
  setFederation(entry) {
    this.federationPosition = foldFederation(this.federationPosition, entry);
  }
  /**
   * The session a caller speaks for, and the entries that would record it when it is new or
   * changed (SessionRegistry.resolve says how). Changes nothing.
   */
  resolve(who, now, backfillMinutes = 0, joinByPid = true) {
    return this.registry.resolve(who, now, () => this.firstSightCursor(now, backfillMinutes), joinByPid);
  }
  /** A session by its key (its first id), as recorded. */
  session(key) {
    return this.registry.byKey(key);
  }
  /** The session was heard from now, running in `pid` (runtime only). */
  touch(session, pid, now) {
    this.registry.touch(session, pid, now);
  }
  /** Assigns the next seq. The seq is spent even if the append then fails: never reused. */
  stamp(origin, kind2, text, now, to) {
    const record = {
      seq: this.kept.nextSeq(),
      ts: now,
      origin: { sessionId: origin.sessionId, pid: origin.pid },
      from: origin.label,
      kind: kind2,
      text
    };
    if (to && to.length > 0) record.to = to;
    return record;
  }
  /** Retained messages with seq > `seq`, oldest first (federation's outbox after a restart). */
  messagesAfter(seq2) {
    return this.kept.after(seq2);
  }
  /**
   * What a session has not acknowledged yet, up to a character budget. Moves nothing: the
   * position moves only when the receiver acknowledges what it showed (ackEntry). The lease it
   * may take is runtime only.
   */
  peek(session, now, options = {}) {
    const base = { session, cursor: session.cursor };
    if (session.lease && session.lease.until > now) {
      return { ...base, messages: [], remaining: this.pendingCount(session), upTo: session.cursor, busy: true };
    }
    session.lease = void 0;
    const budget = options.maxChars ?? Number.POSITIVE_INFINITY;
    const messages = [];
    let used = 0;
    let upTo = session.cursor;
    let remaining = 0;
    const list2 = this.kept.list;
    for (let i = this.kept.indexAfter(session.cursor); i < list2.length; i++) {
      const m = list2[i];
      if (!this.isFor(m, session)) {
        if (remaining === 0) upTo = m.seq;
        continue;
      }
      const cost = m.text.length + MESSAGE_OVERHEAD_CHARS;
      if (remaining > 0 || messages.length > 0 && used + cost > budget) {
        remaining += 1;
        continue;
      }
      messages.push(m);
      used += cost;
      upTo = m.seq;
    }
    if (messages.length > 0 && options.lease) session.lease = { upTo, until: now + options.lease.ms, owner: options.lease.owner };
    return { ...base, messages, remaining, upTo, busy: false };
  }
  /** The entry recording that a session was given everything up to `upTo`; undefined when it is there already. */
  ackEntry(session, upTo, now) {
    const seq2 = Math.min(upTo, this.lastSeq);
    if (seq2 <= session.cursor) return void 0;
    return { type: "cursor", id: session.id, seq: seq2, ts: now };
  }
  /**
   * An acknowledgement made durable (or none needed), its position applied: a lease ends when the
   * ack covers it or comes from its holder (which showed no more than it acknowledged). Runtime only.
   */
  acked(session, upTo, now, ack2 = {}) {
    if (session.lease && (session.lease.upTo <= upTo || session.lease.owner === ack2.owner)) session.lease = void 0;
    const { via, delivered } = ack2;
    if (delivered && via) session.lastReached = { via, at: now };
    session.lastSeen = now;
  }
  /** A receiver's connection closed: batches it held and did not acknowledge go to the next one. */
  releaseLeases(owner, sessions) {
    for (const s of sessions) if (s.lease?.owner === owner) s.lease = void 0;
  }
  /** Should this new message wake the session through its host inbox, under its policy? */
  wakes(m, session, policy) {
    if (policy === "none" || !this.isFor(m, session)) return false;
    if (policy === "all") return true;
    return m.to !== void 0 || m.kind === "handoff";
  }
  /** The latest messages from other sessions, oldest first; the position does not move. */
  inbox(session, limit) {
    const out = [];
    const list2 = this.kept.list;
    for (let i = list2.length - 1; i >= 0 && out.length < limit; i--) {
      const m = list2[i];
      if (this.isFor(m, session)) out.push(m);
    }
    return out.reverse();
  }
  /** Pending messages for a session without handing them out. */
  pendingCount(session) {
    let n = 0;
    const list2 = this.kept.list;
    for (let i = this.kept.indexAfter(session.cursor); i < list2.length; i++) {
      if (this.isFor(list2[i], session)) n++;
    }
    return n;
  }
  connect(session, now) {
    this.registry.connect(session, now);
  }
  disconnect(session, now) {
    this.registry.disconnect(session, now);
  }
  /** Live sessions: an open MCP connection each. */
  peers() {
    return this.registry.peers();
  }
  sessionById(id) {
    return this.registry.byAnyId(id);
  }
  sessionList() {
    return this.registry.list();
  }
  /** The session a Claude pid runs now (its markers are this session's), if any. */
  sessionOfPid(pid) {
    return this.registry.ofPid(pid);
  }
  /** Direct-message recipients: each a label, short id, session id or branch of exactly one live peer, here or in `remote`. */
  resolveRecipients(sender, tokens, remote = []) {
    return this.registry.recipients(sender, tokens, remote);
  }
  /** Drops what falls out of the retention window; returns how many messages went. */
  applyRetention(now) {
    const drop = this.kept.dropOld(now);
    const cutoff = now - this.retention.maxAgeMs;
    const forgettable = this.registry.list().filter((s) => s.connections === 0 && this.claims.heldBy(s.id).length === 0).sort((a, b) => a.lastSeen - b.lastSeen);
    let over = this.registry.size - MAX_REMEMBERED_SESSIONS;
    for (const s of forgettable) {
      if (s.lastSeen >= cutoff && over <= 0) break;
      this.registry.forget(s);
      this.workingSets.delete(s.id);
      over -= 1;
    }
    return drop;
  }
  /** Everything a compacted log must hold to rebuild this state. */
  snapshot(now) {
    const entries = [{ type: "meta", lastSeq: this.lastSeq, compactedAt: now }];
    for (const s of this.registry.list()) entries.push(sessionEntry(s), cursorEntry(s, s.lastSeen));
    for (const c of this.claims.list(now)) entries.push({ type: "claim", ...c });
    for (const [id, trees] of this.workingSets) for (const [tree, files] of trees) for (const [path6, ts] of files) entries.push({ type: "touch", id, tree, paths: [path6], ts });
    for (const m of this.kept.list) entries.push({ type: "msg", ...m });
    return entries;
  }
  statusOf(session) {
    const editing = this.editingOf(session);
    return { ...sessionStatus(session, this.pendingCount(session)), ...editing ? { editing } : {} };
  }
  /** A session's working set in short: how many files, and the first few (every worktree). */
  editingOf(session) {
    const trees = this.workingSets.get(session.id);
    if (!trees) return void 0;
    const paths = [...trees.values()].flatMap((files) => [...files.keys()]);
    return paths.length > 0 ? { count: paths.length, paths: paths.slice(0, 3) } : void 0;
  }
  /** A message is for a session unless the session sent it or it is addressed to others. */
  isFor(m, session) {
    if (session.ids.has(m.origin.sessionId)) return false;
    if (m.to && !m.to.some((id) => session.ids.has(id))) return false;
    return true;
  }
  firstSightCursor(now, backfillMinutes) {
    return backfillMinutes <= 0 ? this.lastSeq : this.kept.seqBefore(now - backfillMinutes * 6e4);
  }
};

// src/daemon/federation/config.ts
var import_node_child_process = require("node:child_process");
var os = __toESM(require("node:os"), 1);

// src/place/test-timing.ts
function testOnlyMs(env, name2) {
  const raw = env[name2];
  const ms = Number(raw);
  return raw && Number.isFinite(ms) && ms > 0 ? ms : void 0;
}

// src/daemon/federation/config.ts
var DEFAULT_LEASE_MS2 = 15e3;
var FIX = {
  url: "Set SESSION_BUS_NATS_URL (session-bus config set nats-url nats://host:4222; tls://\u2026 for TLS; several comma-separated), or unset it to turn federation off; then session-bus restart",
  project: "Set SESSION_BUS_PROJECT, or give the repository an origin remote; see the README, Federation",
  lease: "Set SESSION_BUS_FED_LEASE_MS to a number of milliseconds \u2265 1000 (session-bus config set fed-lease-ms 15000), or unset it for the default 15000; then session-bus restart"
};
var PROJECT_KEY = /^[A-Za-z0-9_-]{1,64}$/;
function readFederationConfig(env, gitDir, origin = () => originUrl(gitDir)) {
  const raw = env.SESSION_BUS_NATS_URL?.trim();
  if (!raw) return { mode: "off" };
  const listed = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const servers = listed.map(redactUrl);
  const displayUrl = servers.join(",");
  const badUrl = servers.map(serverUrlProblem).find((p) => p !== void 0);
  if (badUrl) return { mode: "refused", displayUrl, reason: `SESSION_BUS_NATS_URL ${badUrl}`, fix: FIX.url };
  const override = env.SESSION_BUS_PROJECT?.trim();
  let project;
  let remoteUrl;
  if (override) {
    if (!PROJECT_KEY.test(override)) {
      return { mode: "refused", displayUrl, reason: `SESSION_BUS_PROJECT must be 1-64 letters, digits, "-" or "_", not ${JSON.stringify(override)}`, fix: FIX.project };
    }
    project = override;
  } else if (remoteUrl = typeof origin === "function" ? origin() : origin) {
    project = projectKeyOf(remoteUrl);
  } else {
    return {
      mode: "refused",
      displayUrl,
      reason: 'no project key: this repository has no "origin" remote. Add one (git remote add origin URL), or set SESSION_BUS_PROJECT to the same key on every host',
      fix: FIX.project
    };
  }
  const auth = { ...listed.map(urlAuth).find((a) => a !== void 0) };
  if (env.SESSION_BUS_NATS_USER) auth.user = env.SESSION_BUS_NATS_USER;
  if (env.SESSION_BUS_NATS_PASSWORD) auth.pass = env.SESSION_BUS_NATS_PASSWORD;
  if (env.SESSION_BUS_NATS_TOKEN) auth.token = env.SESSION_BUS_NATS_TOKEN;
  if (env.SESSION_BUS_NATS_CREDS) auth.credsFile = env.SESSION_BUS_NATS_CREDS;
  const tlsFiles = {};
  if (env.SESSION_BUS_NATS_CA) tlsFiles.caFile = env.SESSION_BUS_NATS_CA;
  if (env.SESSION_BUS_NATS_CERT) tlsFiles.certFile = env.SESSION_BUS_NATS_CERT;
  if (env.SESSION_BUS_NATS_KEY) tlsFiles.keyFile = env.SESSION_BUS_NATS_KEY;
  const wantsTls = servers.some((s) => /^tls:\/\//i.test(s)) || Object.keys(tlsFiles).length > 0;
  const leaseRaw = env.SESSION_BUS_FED_LEASE_MS;
  const leaseMs = leaseRaw ? Number(leaseRaw) : DEFAULT_LEASE_MS2;
  if (!Number.isFinite(leaseMs) || leaseMs < 1e3) {
    return { mode: "refused", displayUrl, reason: `SESSION_BUS_FED_LEASE_MS must be a number of milliseconds \u2265 1000, not ${JSON.stringify(leaseRaw)}`, fix: FIX.lease };
  }
  return {
    mode: "on",
    settings: {
      servers,
      displayUrl,
      auth,
      ...wantsTls ? { tls: tlsFiles } : {},
      project,
      hostName: env.SESSION_BUS_HOST?.trim() || os.hostname(),
      leaseMs,
      ...optionalMs(env, "SESSION_BUS_FED_PUBLISH_TIMEOUT_MS", "publishTimeoutMs"),
      ...optionalMs(env, "SESSION_BUS_FED_ACK_WAIT_MS", "ackWaitMs")
    }
  };
}
function optionalMs(env, name2, key) {
  const ms = testOnlyMs(env, name2);
  return ms === void 0 ? {} : { [key]: ms };
}
function originUrl(gitDir) {
  if (!gitDir) return void 0;
  try {
    const out = (0, import_node_child_process.execFileSync)("git", ["--git-dir", gitDir, "remote", "get-url", "origin"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 5e3 });
    return out.trim() || void 0;
  } catch {
    return void 0;
  }
}
function normalizeRemoteUrl(url) {
  let u = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.*)$/.exec(u);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    u = `${scp[1].toLowerCase()}/${scp[2]}`;
  } else {
    const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?(\/.*)?$/i.exec(u);
    if (m) u = `${m[1].toLowerCase()}${m[2] ?? ""}`;
    else u = u.replace(/^file:\/\//i, "");
  }
  return u.replace(/\/+$/, "").replace(/\.git$/i, "").replace(/\/+$/, "");
}
function projectKeyOf(remoteUrl) {
  return sha256Hex(normalizeRemoteUrl(remoteUrl)).slice(0, 16);
}
function urlAuth(url) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^@/]*)@/i.exec(url);
  if (!m || !m[1]) return void 0;
  const [user, pass] = m[1].split(":", 2).map((x) => decodeURIComponent(x));
  return pass !== void 0 ? { user, pass } : { token: user };
}
var SCHEMES = /* @__PURE__ */ new Set(["nats", "tls"]);
function serverUrlProblem(url) {
  const shown3 = JSON.stringify(url);
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?([/?#].*)?$/i.exec(url);
  if (!m) return `${shown3} is not a NATS URL: write nats://host:4222`;
  const [, scheme, host, port] = m;
  if (scheme !== void 0 && !SCHEMES.has(scheme.toLowerCase())) return `${shown3}: the scheme must be nats:// or tls://, not ${scheme}://`;
  if (!host) return `${shown3} names no host: write nats://host:4222`;
  if (port !== void 0 && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return `${shown3}: the port must be a number from 1 to 65535, not ${JSON.stringify(port)}`;
  }
  try {
    new URL(`nats://${host}`);
  } catch {
    return `${shown3} is not a NATS URL: ${JSON.stringify(host)} is not a host name or address`;
  }
  return void 0;
}
function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}

// src/daemon/federation/message-id.ts
function messageId(hostId, seq2) {
  return `${hostId}:${seq2}`;
}

// src/daemon/federation/start.ts
var EMPTY = { outbox: 0, inboundPending: 0, received: 0, claimsLocalOnly: false, warnings: [], hosts: [] };
function federationOff(status2 = { state: "off", ...EMPTY }, kept = []) {
  return {
    sharesClaims: false,
    acquire: async () => ({ ok: true }),
    settled: () => void 0,
    remoteClaims: () => [],
    remoteHosts: () => [],
    status: () => status2,
    onAccepted: () => void 0,
    claimsChanged: () => void 0,
    snapshotEntries: () => kept,
    stop: async () => void 0
  };
}
function federationStarting(settings, kept) {
  const status2 = { state: "connecting", url: settings.displayUrl, project: settings.project, ...EMPTY, claimsLocalOnly: true };
  return {
    ...federationOff(status2, kept),
    sharesClaims: true,
    acquire: async () => ({ ok: true, warning: "local only: another host may hold it (federation is starting). It is shared when NATS answers; a conflict is then reported in status." })
  };
}
async function startFederation(ctx, location, position2, env = process.env, starting = () => void 0) {
  const kept = position2 ? [positionEntry(position2)] : [];
  const config = readFederationConfig(env, location.inGit ? location.busRoot : void 0);
  if (config.mode === "off") return federationOff(void 0, kept);
  if (config.mode === "refused") {
    ctx.logger.error({ url: config.displayUrl, reason: config.reason }, `federation refused to start: ${config.reason}`);
    return federationOff(refusedStatus(config), kept);
  }
  const { settings } = config;
  starting(federationStarting(settings, kept));
  const broker = ctx.broker;
  const [{ Federation }, { loadHostId }] = await Promise.all([Promise.resolve().then(() => __toESM(require("./daemon-federation.cjs"), 1)), Promise.resolve().then(() => __toESM(require("./daemon-host-id.cjs"), 1))]);
  const host = loadHostId(location.mailboxDir);
  const federation = new Federation(
    settings,
    host,
    {
      logger: ctx.logger,
      async ingest(m) {
        const record = broker.stamp({ sessionId: m.sessionId, pid: 0, label: `${m.from}@${m.host}` }, m.kind, m.text, ctx.now(), m.to);
        record.host = m.host;
        record.remoteId = messageId(m.hostId, m.seq);
        await ctx.commit({ entries: [], records: [record] });
      },
      persist: (entry) => ctx.commit({ entries: [entry], records: [] }),
      localSessions: () => broker.peers().map((s) => ({ sessionId: s.id, shortId: shortId(s.id), label: s.label, ...s.cwd ? { cwd: s.cwd } : {}, since: s.connectedSince ?? s.firstSeen })),
      localClaims: () => broker.claims.list(ctx.now()),
      isLocalSession: (id) => broker.sessionById(id) !== void 0
    },
    position2,
    broker.lastSeq,
    (seq2) => broker.messagesAfter(seq2)
  );
  ctx.logger.info({ url: settings.displayUrl, project: settings.project, host: settings.hostName, hostId: host.id }, "federation starting");
  federation.start();
  return {
    sharesClaims: true,
    acquire: (claim2) => federation.acquire(claim2),
    settled: (resource) => federation.settled(resource),
    remoteClaims: (now) => federation.remoteClaims(now),
    remoteHosts: () => federation.remoteHosts(),
    status: () => federation.status(),
    onAccepted: (records) => federation.onAccepted(records),
    claimsChanged: () => federation.claimsChanged(),
    snapshotEntries: () => [federation.snapshotEntry()],
    stop: () => federation.stop()
  };
}
function refusedStatus(config) {
  return { state: "refused", reason: config.reason, fix: config.fix, url: config.displayUrl, ...EMPTY, claimsLocalOnly: true, warnings: [`federation is not running: ${config.reason}`] };
}
function positionEntry(p) {
  return { type: "fed", published: p.published ?? 0, received: Object.fromEntries(p.received) };
}

// src/daemon/schema-loader.ts
var loaded;
var loading;
function paramSchemas() {
  if (!loaded) throw new Error("the param schemas are not loaded yet");
  return loaded;
}
function schemasLoading() {
  return loading !== void 0 && loaded === void 0;
}
function schemasLoaded() {
  return loaded !== void 0;
}
function loadParamSchemas() {
  loading ??= Promise.resolve().then(() => __toESM(require("./daemon-schemas.cjs"), 1)).then(
    (m) => {
      loaded = m.ParamSchemas;
    },
    (err) => {
      loading = void 0;
      throw err;
    }
  );
  return loading;
}

// src/daemon/context.ts
function defineHandler(h) {
  return h;
}

// src/daemon/handlers/peers.ts
function remotePeers(ctx) {
  return ctx.federation.remoteHosts().flatMap(
    (h) => h.sessions.map((s) => ({ sessionId: s.sessionId, shortId: s.shortId, label: `${s.label}@${h.name}`, cwd: s.cwd, since: s.since, lastActivity: h.lastSeen, host: h.name }))
  );
}
function localPeer(ctx, s) {
  const editing = ctx.broker.editingOf(s);
  return { sessionId: s.id, shortId: shortId(s.id), label: s.label, cwd: s.cwd, since: s.connectedSince ?? s.firstSeen, lastActivity: s.lastSeen, ...editing ? { editing } : {} };
}
var peers = defineHandler({
  method: "peers",
  get params() {
    return paramSchemas().peers;
  },
  handle(ctx, params) {
    const asker = params.sessionId ? ctx.broker.sessionById(params.sessionId) : void 0;
    return {
      peers: [
        ...ctx.broker.peers().map((s) => s === asker ? { ...localPeer(ctx, s), you: true } : localPeer(ctx, s)),
        ...remotePeers(ctx)
      ]
    };
  }
});

// src/daemon/handlers/brief.ts
var brief = defineHandler({
  method: "brief",
  get params() {
    return paramSchemas().brief;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const now = ctx.now();
    return {
      peers: ctx.broker.peers().filter((s) => s !== session).map((s) => localPeer(ctx, s)).concat(remotePeers(ctx)),
      claims: [...ctx.broker.claims.list(now), ...ctx.federation.remoteClaims(now)],
      unread: ctx.broker.pendingCount(session)
    };
  }
});

// src/daemon/handlers/broadcast.ts
var broadcast = defineHandler({
  method: "broadcast",
  get params() {
    return paramSchemas().broadcast;
  },
  async handle(ctx, params) {
    const text = cleanText(params.text);
    if (text.trim() === "") throw new BusError(-32011 /* TextEmpty */);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_TEXT_BYTES) throw new BusError(-32010 /* TextTooLong */, { bytes });
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    let to;
    if (params.to !== void 0) {
      const found = ctx.broker.resolveRecipients(session, Array.isArray(params.to) ? params.to : [params.to], remoteRecipients(ctx.federation.remoteHosts()));
      if (!found.ok) throw new BusError(-32050 /* UnknownRecipient */, { recipient: found.recipient, peers: found.peers });
      to = found.ids;
    }
    const record = ctx.broker.stamp(params, params.kind ?? "note", text, now, to);
    try {
      await ctx.commit({ entries: [], records: [record] });
    } catch (err) {
      const e = err;
      ctx.logger.error({ err: e.message, seq: record.seq }, "mailbox append failed; message refused");
      throw err instanceof BusError ? err : new BusError(-32020 /* LogWriteFailed */, { cause: e.code ?? e.message, path: ctx.info.mailboxPath });
    }
    return { seq: record.seq, from: record.from };
  }
});

// src/place/worktree-path.ts
var import_node_fs5 = require("node:fs");
var import_node_path5 = require("node:path");

// src/place/claim-path.ts
function hasGlob2(segment) {
  return /[*?[]/.test(segment);
}
function lexical(abs) {
  const out = [];
  for (const s of abs.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return `/${out.join("/")}`;
}
function resolveReal(abs, realpath2) {
  let cur = "";
  let globbed = false;
  for (const s of abs.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") {
      cur = cur.slice(0, cur.lastIndexOf("/"));
      globbed = cur.split("/").some(hasGlob2);
      continue;
    }
    globbed ||= hasGlob2(s);
    const next = `${cur}/${s}`;
    cur = (globbed ? void 0 : realpath2(next)) ?? next;
  }
  return cur || "/";
}
function inside(p, base) {
  if (p === base) return ".";
  if (base === "/") return p.slice(1);
  return p.startsWith(`${base}/`) ? p.slice(base.length + 1) : void 0;
}
function canonicalClaimPath(root, given, realpath2) {
  const path6 = given.trim().replace(/\\/g, "/");
  const lexRoot = lexical(root);
  const realRoot = realpath2(lexRoot) ?? lexRoot;
  const abs = path6.startsWith("/") ? path6 : `${lexRoot}/${path6}`;
  const real = inside(resolveReal(abs, realpath2), realRoot);
  if (real !== void 0) return { ok: true, path: real };
  const lex = lexical(abs);
  const named = inside(lex, lexRoot) ?? inside(lex, realRoot);
  return named === void 0 ? { ok: false } : { ok: true, path: named };
}

// src/place/worktree-path.ts
function realpath(p) {
  try {
    return import_node_fs5.realpathSync.native(p);
  } catch {
    return void 0;
  }
}
function worktreeRoot(dir) {
  const start = (0, import_node_path5.resolve)(dir);
  for (let cur = start; ; cur = (0, import_node_path5.dirname)(cur)) {
    try {
      (0, import_node_fs5.statSync)((0, import_node_path5.resolve)(cur, ".git"));
      return cur;
    } catch {
    }
    if ((0, import_node_path5.dirname)(cur) === cur) return start;
  }
}
function defaultRoot(busRoot) {
  return (0, import_node_path5.basename)(busRoot) === ".git" ? (0, import_node_path5.dirname)(busRoot) : busRoot;
}
function worktreePath(file, cwd, busRoot) {
  const mine = worktreeRoot(cwd ?? defaultRoot(busRoot));
  for (const tree of [mine, ...worktreesOf(busRoot).filter((t) => t !== mine)]) {
    const there = canonicalClaimPath(tree, file, realpath);
    if (there.ok) return { tree: realpath(tree) ?? tree, path: there.path };
  }
  return void 0;
}
function worktreeOf(dir) {
  const tree = worktreeRoot(dir);
  return realpath(tree) ?? tree;
}

// src/daemon/claim-resource.ts
function claimResource(resource, cwd, busRoot) {
  const given = resource.trim();
  if (isName(given)) return given;
  const at = worktreePath(given, cwd, busRoot);
  if (at) return at.path;
  throw new BusError(-32062 /* OutsideRepository */, { resource: given, root: worktreeRoot(cwd ?? defaultRoot(busRoot)) });
}

// src/daemon/handlers/claim.ts
var claim = defineHandler({
  method: "claim",
  get params() {
    return paramSchemas().claim;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const name2 = claimResource(params.resource, params.cwd ?? session.cwd, ctx.info.root);
    const ttlMs = params.ttlSeconds === void 0 ? void 0 : params.ttlSeconds * 1e3;
    const note = params.note === void 0 ? void 0 : cleanText(params.note).replace(/\s+/g, " ").trim() || void 0;
    let warning;
    let acquired = false;
    if (ctx.federation.sharesClaims) {
      const holder = session.id;
      if (!ctx.broker.claims.conflict(name2, holder, now)) {
        const wanted = { resource: name2, holder, label: session.label, since: ctx.broker.claims.get(name2)?.since ?? now };
        if (ttlMs !== void 0) wanted.expiresAt = now + ttlMs;
        if (note) wanted.note = note;
        const shared = await ctx.federation.acquire(wanted);
        if (!shared.ok) throw conflictError(shared.conflict, params.resource);
        acquired = true;
        warning = shared.warning;
      }
    }
    const outcome = await ctx.serially(async () => {
      const decided = decideClaim(ctx.broker, session, params, name2, ctx.now(), ttlMs, note);
      await ctx.commit(decided);
      return decided;
    }).finally(() => {
      if (acquired) ctx.federation.settled(name2);
    });
    if (!outcome.ok) throw conflictError(outcome.conflict, params.resource);
    return { claim: outcome.claim, ...warning ? { warning } : {} };
  }
});
function conflictError(c, wanted) {
  return new BusError(-32060 /* ClaimConflict */, {
    resource: c.resource,
    holder: c.label,
    ...c.host ? { host: c.host } : {},
    since: new Date(c.since).toISOString(),
    note: c.note,
    wanted
  });
}

// src/daemon/handlers/claims.ts
var claims = defineHandler({
  method: "claims",
  get params() {
    return paramSchemas().claims;
  },
  handle: (ctx) => ({ claims: [...ctx.broker.claims.list(ctx.now()), ...ctx.federation.remoteClaims(ctx.now())] })
});

// src/daemon/worktree-status.ts
var import_node_child_process2 = require("node:child_process");
var GIT_TIMEOUT_MS = 5e3;
function dirtyFiles(tree, paths) {
  const args = ["-C", tree, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"];
  if (paths) args.push("--", ...paths.map((p) => `:(literal)${p}`));
  return new Promise((resolve5) => {
    (0, import_node_child_process2.execFile)("git", args, { timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } }, (err, stdout) => {
      if (err) return resolve5(void 0);
      resolve5(new Set(parsePorcelain(stdout)));
    });
  });
}
function parsePorcelain(out) {
  return out.split("\0").filter((r) => r.length > 3 && r[2] === " " && r.slice(0, 2) !== "!!").map((r) => r.slice(3));
}
async function stillChanged(candidates) {
  const editing = [];
  const settled = [];
  const trees = /* @__PURE__ */ new Map();
  for (const c of candidates) trees.set(c.tree, [...trees.get(c.tree) ?? [], c]);
  for (const [tree, list2] of trees) {
    const dirty = await dirtyFiles(tree, [...new Set(list2.map((c) => c.path))]);
    for (const c of list2) {
      if (!dirty || dirty.has(c.path)) editing.push(c);
      else settled.push({ type: "settle", id: c.other.id, tree, paths: [c.path], ts: Date.now() });
    }
  }
  return { editing, settled };
}

// src/daemon/handlers/check-edit.ts
var checkEdit = defineHandler({
  method: "checkEdit",
  get params() {
    return paramSchemas().checkEdit;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const held = [...ctx.broker.claims.list(now), ...ctx.federation.remoteClaims(now)].filter((c) => c.holder !== session.id);
    const others = ctx.broker.peers().filter((s) => s !== session && ctx.broker.workingSets.has(s.id));
    const conflicts = [];
    const candidates = [];
    const elsewhere = [];
    for (const file of params.paths) {
      const at = worktreePath(file, params.cwd ?? session.cwd, ctx.info.root);
      if (!at) continue;
      const claim2 = held.find((c) => overlaps(c.resource, at.path));
      if (claim2) conflicts.push({ path: at.path, claim: claim2 });
      for (const other of others) {
        for (const [tree, files] of ctx.broker.workingSets.get(other.id)) {
          const editedAt = files.get(at.path);
          if (editedAt === void 0) continue;
          if (tree === at.tree) candidates.push({ other, tree, path: at.path, editedAt });
          else elsewhere.push({ path: at.path, label: other.label, editedAt });
        }
      }
    }
    const { editing, settled } = await stillChanged(candidates);
    const records = [];
    if (params.record) {
      const told = /* @__PURE__ */ new Map();
      for (const c of conflicts) {
        const holder = c.claim.host ? void 0 : ctx.broker.session(c.claim.holder);
        if (holder) told.set(holder, [...told.get(holder) ?? [], `${c.path} (your claim covers it)`]);
      }
      for (const c of editing) told.set(c.other, [...told.get(c.other) ?? [], `${c.path} (you changed it ${ago(now - c.editedAt)} and have not committed)`]);
      for (const [other, what] of told) {
        records.push(ctx.broker.stamp(params, "note", `wanted to edit ${what.join(", ")} with ${params.tool}; the edit was stopped. Answer with broadcast to ${session.label} if it may go ahead.`, now, [other.id]));
      }
    }
    await ctx.commit({ entries: settled, records });
    return { conflicts, editing: editing.map(({ path: path6, other, editedAt }) => ({ path: path6, label: other.label, editedAt })), elsewhere };
  }
});

// src/daemon/handlers/record-edit.ts
var recordEdit = defineHandler({
  method: "recordEdit",
  get params() {
    return paramSchemas().recordEdit;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const byTree = /* @__PURE__ */ new Map();
    for (const file of params.paths) {
      const at = worktreePath(file, params.cwd ?? session.cwd, ctx.info.root);
      if (at) byTree.set(at.tree, [...byTree.get(at.tree) ?? [], at.path]);
    }
    const entries = [...byTree].map(([tree, paths]) => ({ type: "touch", id: session.id, tree, paths, ts: now }));
    await ctx.commit({ entries, records: [] });
    return { recorded: entries.reduce((n, e) => n + e.paths.length, 0) };
  }
});

// src/daemon/handlers/working-sets.ts
var workingSets = defineHandler({
  method: "workingSets",
  get params() {
    return paramSchemas().workingSets;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const dir = params.dir ?? session.cwd;
    if (!dir) return { tree: null, others: [], mine: [] };
    const tree = worktreeOf(dir);
    const candidates = ctx.broker.peers().filter((s) => s !== session).flatMap((other) => [...ctx.broker.workingSets.get(other.id)?.get(tree) ?? []].map(([path6, editedAt]) => ({ other, tree, path: path6, editedAt })));
    const { editing, settled } = await stillChanged(candidates);
    await ctx.commit({ entries: settled, records: [] });
    const byLabel = /* @__PURE__ */ new Map();
    for (const c of editing) {
      const o = byLabel.get(c.other.id) ?? { label: c.other.label, paths: [], editedAt: 0 };
      o.paths.push(c.path);
      o.editedAt = Math.max(o.editedAt, c.editedAt);
      byLabel.set(c.other.id, o);
    }
    const mine = [...ctx.broker.workingSets.get(session.id)?.get(tree)?.keys() ?? []];
    return { tree, others: [...byLabel.values()], mine };
  }
});

// src/daemon/handlers/end.ts
var end = defineHandler({
  method: "end",
  get params() {
    return paramSchemas().end;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const change = await ctx.serially(async () => {
      const ended = endSessionClaims(ctx.broker, session, ctx.now(), `session ended${params.reason ? ` (${params.reason})` : ""}`);
      await ctx.commit(ended);
      return ended;
    });
    return { released: change.entries.flatMap((e) => e.type === "release" ? [e.resource] : []) };
  }
});

// src/daemon/handlers/release.ts
var release = defineHandler({
  method: "release",
  get params() {
    return paramSchemas().release;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    const name2 = claimResource(params.resource, params.cwd ?? session.cwd, ctx.info.root);
    const outcome = await ctx.serially(async () => {
      const decided = decideRelease(ctx.broker, session, name2, ctx.now());
      if (!decided) throw new BusError(-32061 /* NotHolder */, { resource: name2 });
      await ctx.commit(decided);
      return decided;
    });
    return { released: outcome.released };
  }
});

// src/daemon/handlers/ack.ts
var ack = defineHandler({
  method: "ack",
  get params() {
    return paramSchemas().ack;
  },
  async handle(ctx, params, conn) {
    const session = await ctx.sessionFor(params);
    const now = ctx.now();
    const moved = ctx.broker.ackEntry(session, params.upTo, now);
    if (moved) await ctx.commit({ entries: [moved], records: [] });
    ctx.broker.acked(session, params.upTo, now, { via: params.via, delivered: moved !== void 0, owner: conn.id });
    ctx.pendingChanged(session);
    return { cursor: session.cursor };
  }
});

// src/daemon/handlers/peek.ts
var peek = defineHandler({
  method: "peek",
  get params() {
    return paramSchemas().peek;
  },
  async handle(ctx, params, conn) {
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const lease = conn.closed ? void 0 : { owner: conn.id, ms: params.leaseMs ?? DEFAULT_LEASE_MS };
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const outcome = ctx.broker.peek(session, ctx.now(), { maxChars, lease });
    if (session.lease?.owner === conn.id) (conn.leased ??= /* @__PURE__ */ new Set()).add(session);
    const { messages, remaining, cursor, upTo, busy } = outcome;
    return busy ? { messages, remaining, cursor, upTo, busy } : { messages, remaining, cursor, upTo };
  }
});

// src/daemon/handlers/drain.ts
var drain = defineHandler({
  method: "drain",
  get params() {
    return paramSchemas().drain;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params, { backfillMinutes: params.backfillMinutes });
    const now = ctx.now();
    const maxChars = Math.min(params.maxChars ?? MAX_DRAIN_CHARS, MAX_DRAIN_CHARS);
    const outcome = ctx.broker.peek(session, now, { maxChars });
    if (outcome.busy) return { messages: [], remaining: outcome.remaining, cursorBefore: outcome.cursor, cursor: outcome.cursor };
    const moved = ctx.broker.ackEntry(session, outcome.upTo, now);
    if (moved) await ctx.commit({ entries: [moved], records: [] });
    ctx.broker.acked(outcome.session, outcome.upTo, now, { via: params.via, delivered: outcome.messages.length > 0 });
    ctx.pendingChanged(outcome.session);
    return { messages: outcome.messages, remaining: outcome.remaining, cursorBefore: outcome.cursor, cursor: outcome.session.cursor };
  }
});

// src/daemon/handlers/hello.ts
var hello = defineHandler({
  method: "hello",
  get params() {
    return paramSchemas().hello;
  },
  handle: (ctx) => ({
    protocol: ctx.info.protocol,
    version: ctx.info.version,
    pid: ctx.info.pid,
    root: ctx.info.root,
    startedAt: ctx.info.startedAt
  })
});

// src/protocol/history.ts
function matchesSender(m, token) {
  const t = token.trim().toLowerCase();
  if (t === "") return false;
  const from = m.from.toLowerCase();
  if (from === t || m.origin.sessionId.toLowerCase() === t) return true;
  if (t === "human" && from.startsWith("human:")) return true;
  const hash = from.lastIndexOf("#");
  if (hash < 0) return false;
  return from.slice(0, hash) === t || from.slice(hash + 1) === t.replace(/^#/, "");
}
function matchesFilter(m, q) {
  if (q.sinceTs !== void 0 && m.ts < q.sinceTs) return false;
  if (q.from && q.from.length > 0 && !q.from.some((t) => matchesSender(m, t))) return false;
  if (q.kinds && q.kinds.length > 0 && !q.kinds.includes(m.kind)) return false;
  if (q.grep !== void 0 && !m.text.toLowerCase().includes(q.grep.toLowerCase())) return false;
  return true;
}
function selectHistory(messages, q, maxBytes = MAX_HISTORY_REPLY_BYTES) {
  const limit = Math.min(q.limit ?? MAX_HISTORY_LIMIT, MAX_HISTORY_LIMIT);
  const out = [];
  let bytes = 0;
  let more = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (q.beforeSeq !== void 0 && m.seq >= q.beforeSeq) continue;
    if (q.afterSeq !== void 0 && m.seq <= q.afterSeq) break;
    if (!matchesFilter(m, q)) continue;
    const size = Buffer.byteLength(JSON.stringify(m));
    if (out.length >= limit || out.length > 0 && bytes + size > maxBytes) {
      more = true;
      break;
    }
    out.push(m);
    bytes += size;
  }
  return { messages: out.reverse(), more };
}

// src/daemon/handlers/history.ts
var history = defineHandler({
  method: "history",
  get params() {
    return paramSchemas().history;
  },
  handle(ctx, params) {
    return { ...selectHistory(ctx.broker.retained(), params), lastSeq: ctx.broker.recordedSeq };
  }
});

// src/daemon/handlers/inbox.ts
var inbox = defineHandler({
  method: "inbox",
  get params() {
    return paramSchemas().inbox;
  },
  async handle(ctx, params) {
    const session = await ctx.sessionFor(params);
    return { messages: ctx.broker.inbox(session, params.limit ?? 20) };
  }
});

// src/daemon/handlers/register.ts
var register = defineHandler({
  method: "register",
  get params() {
    return paramSchemas().register;
  },
  async handle(ctx, params, conn) {
    const session = await ctx.sessionFor(params, { joinByPid: !params.live });
    ctx.pendingChanged(session);
    if (params.live && conn.session !== session) {
      if (conn.session) ctx.broker.disconnect(conn.session, ctx.now());
      conn.session = session;
      ctx.broker.connect(session, ctx.now());
    }
    if (params.live && conn.livePid !== params.pid) {
      if (conn.livePid !== void 0) ctx.liveChanged(conn.livePid, false);
      conn.livePid = params.pid;
      ctx.liveChanged(params.pid, true);
    }
    if (params.push) conn.push = params.push;
    return { cursor: session.cursor };
  }
});

// src/daemon/handlers/shutdown.ts
var shutdown = defineHandler({
  method: "shutdown",
  get params() {
    return paramSchemas().shutdown;
  },
  handle(ctx, params) {
    ctx.logger.info({ reason: params.reason }, "shutdown requested");
    setImmediate(() => ctx.shutdown(params.reason ?? "requested"));
    return { ok: true };
  }
});

// src/daemon/handlers/status.ts
function listedSessions(all, describe) {
  const ordered = [...all].sort((a, b) => Number(b.connections > 0) - Number(a.connections > 0) || b.lastSeen - a.lastSeen);
  const shown3 = ordered.slice(0, Math.max(MAX_STATUS_SESSIONS, ordered.filter((s) => s.connections > 0).length));
  const omitted = ordered.length - shown3.length;
  return { sessions: shown3.map(describe), ...omitted > 0 ? { sessionsOmitted: omitted } : {} };
}
var status = defineHandler({
  method: "status",
  get params() {
    return paramSchemas().status;
  },
  handle(ctx) {
    const now = ctx.now();
    const { broker, info } = ctx;
    return {
      pid: info.pid,
      version: info.version,
      protocol: info.protocol,
      root: info.root,
      startedAt: info.startedAt,
      uptimeMs: now - info.startedAt,
      socketPath: info.socketPath,
      logPath: info.logPath,
      mailboxPath: info.mailboxPath,
      messageCount: broker.messageCount,
      lastSeq: broker.lastSeq,
      ...listedSessions(broker.sessionList(), (s) => broker.statusOf(s)),
      claims: [...broker.claims.list(now), ...ctx.federation.remoteClaims(now)],
      federation: ctx.federation.status(),
      settings: info.settings
    };
  }
});

// src/daemon/handlers/subscribe.ts
var subscribe = defineHandler({
  method: "subscribe",
  get params() {
    return paramSchemas().subscribe;
  },
  handle(ctx, params, conn) {
    conn.watchingAfter = ctx.broker.recordedSeq;
    return { ...selectHistory(ctx.broker.retained(), params), lastSeq: ctx.broker.recordedSeq };
  }
});

// src/daemon/handlers/index.ts
var handlers = {
  hello,
  register,
  broadcast,
  peek,
  ack,
  drain,
  inbox,
  status,
  shutdown,
  claim,
  release,
  claims,
  checkEdit,
  recordEdit,
  workingSets,
  peers,
  end,
  brief,
  history,
  subscribe
};

// src/place/guard-marker.ts
function guardMarkerText(m) {
  return `${JSON.stringify({ v: 1, ask: m.ask, claims: [...new Set(m.claims)].sort(), editing: [...new Set(m.editing)].sort() })}
`;
}

// src/daemon/lane.ts
function createLane() {
  let tail = Promise.resolve();
  return (fn) => {
    const run2 = tail.then(fn, fn);
    tail = run2.catch(() => void 0);
    return run2;
  };
}

// src/transport/backlog-guard.ts
var SLOW_CONSUMER_MS = 5e3;
var DEFAULT_BACKLOG_LIMITS = { capBytes: MAX_CLIENT_BACKLOG_BYTES, slowConsumerMs: SLOW_CONSUMER_MS };
var SlowConsumer = class extends Error {
  constructor(backlog) {
    super("slow consumer: unread backlog over the cap; connection dropped");
    this.backlog = backlog;
  }
  backlog;
  name = "SlowConsumer";
};
var BacklogGuard = class {
  constructor(inner, limits = DEFAULT_BACKLOG_LIMITS) {
    this.inner = inner;
    this.limits = limits;
  }
  inner;
  limits;
  onmessage;
  onclose;
  onerror;
  onflush;
  stallTimer;
  start() {
    this.inner.onmessage = (frame) => this.onmessage?.(frame);
    this.inner.onerror = (err) => this.onerror?.(err);
    this.inner.onclose = (failure) => {
      clearTimeout(this.stallTimer);
      this.onclose?.(failure);
    };
    this.inner.onflush = () => {
      const backlog = this.inner.unreadBytes;
      if (backlog > this.limits.capBytes) this.watchStall(backlog);
      this.onflush?.();
    };
    this.inner.start();
  }
  get closed() {
    return this.inner.closed;
  }
  get unreadBytes() {
    return this.inner.unreadBytes;
  }
  send(message) {
    if (this.inner.closed) return;
    if (this.inner.unreadBytes > this.limits.capBytes) {
      this.drop();
      return;
    }
    this.inner.send(message);
  }
  end() {
    this.inner.end();
  }
  close() {
    this.inner.close();
  }
  watchStall(backlog) {
    if (this.stallTimer) return;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = void 0;
      const now = this.inner.unreadBytes;
      if (this.inner.closed || now <= this.limits.capBytes) return;
      if (now >= backlog) this.drop();
      else this.watchStall(now);
    }, this.limits.slowConsumerMs);
    this.stallTimer.unref();
  }
  drop() {
    this.onerror?.(new SlowConsumer(this.inner.unreadBytes));
    this.inner.close();
  }
};

// src/protocol/jsonrpc.ts
function readMessage(frame) {
  if (frame.kind === "oversize") return invalid(null, -32001 /* FrameTooLarge */, { bytes: frame.bytes });
  if (frame.kind === "invalid-utf8") return invalid(null, -32002 /* InvalidUtf8 */);
  if (frame.kind === "invalid-json") return invalid(null, -32700 /* ParseError */, { detail: frame.detail });
  const value = frame.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return invalid(null, -32600 /* InvalidRequest */, { detail: "expected a JSON object" });
  const msg = value;
  if (msg.method === void 0 && ("result" in msg || "error" in msg)) return { kind: "reply", id: msg.id, result: msg.result, error: msg.error };
  const id = typeof msg.id === "string" || typeof msg.id === "number" ? msg.id : null;
  if (msg.jsonrpc !== "2.0" || typeof msg.method !== "string" || msg.id !== void 0 && msg.id !== null && id === null) {
    return invalid(id, -32600 /* InvalidRequest */, { detail: 'needs jsonrpc "2.0", a string method and a string or number id' });
  }
  if (msg.id === void 0) return { kind: "notification", method: msg.method, params: msg.params };
  return { kind: "request", id, method: msg.method, params: msg.params };
}
function invalid(id, code, data) {
  return { kind: "invalid", id, code, data };
}

// src/transport/rpc-errors.ts
var RpcError = class extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
  code;
  data;
  name = "RpcError";
};
var ConnectionError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
  code;
  name = "ConnectionError";
};

// src/transport/rpc-peer.ts
var RpcPeer = class {
  /** A notification from the other side; nobody hears what comes of it. */
  onNotification;
  /** Requests and bad lines, in arrival order. Unset, they go unanswered. */
  onIncoming;
  /** Once, when the connection is gone; every request still waiting was rejected with this error. */
  onClose;
  /** A failure on the way (a reset, a dropped slow reader), or bad input reported by whoever answered it. */
  onError;
  #transport;
  #closedWording;
  #nextId = 1;
  #waiters = /* @__PURE__ */ new Map();
  #closedError;
  /**
   * Starts reading at once: set the callbacks in the same turn. `closedWording` is what a
   * request still waiting when the other side hangs up is rejected with.
   */
  constructor(transport, closedWording = "the connection closed") {
    this.#transport = transport;
    this.#closedWording = closedWording;
    transport.onmessage = (frame) => {
      const msg = readMessage(frame);
      if (msg.kind === "reply") this.#settle(msg.id, msg.result, msg.error);
      else if (msg.kind === "notification") this.onNotification?.(msg.method, msg.params);
      else this.onIncoming?.(msg);
    };
    transport.onerror = (err) => this.onError?.(err);
    transport.onclose = (failure) => this.#fail(failure);
    transport.start();
  }
  get closed() {
    return this.#closedError !== void 0 || this.#transport.closed;
  }
  request(method, params, timeoutMs = 1e4) {
    if (this.#closedError) return Promise.reject(this.#closedError);
    const id = this.#nextId++;
    return new Promise((resolve5, reject) => {
      const waiter = { resolve: resolve5, reject };
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.#waiters.delete(id);
          reject(new ConnectionError(`no answer to ${method} within ${timeoutMs} ms`, "ETIMEDOUT"));
        }, timeoutMs);
      }
      this.#waiters.set(id, waiter);
      this.#transport.send({ jsonrpc: "2.0", id, method, params });
    });
  }
  notify(method, params) {
    this.#transport.send({ jsonrpc: "2.0", method, params });
  }
  /** Answers a request (or a bad line, with id null). A result is always carried, `null` for none. */
  reply(id, answer) {
    this.#transport.send("error" in answer ? { jsonrpc: "2.0", id, error: answer.error } : { jsonrpc: "2.0", id, result: answer.result ?? null });
  }
  /** Hangs up once what was sent has left (the last word to a misbehaving peer). */
  end() {
    this.#transport.end();
  }
  close() {
    this.#transport.close();
  }
  #settle(id, result, error) {
    const waiter = typeof id === "number" ? this.#waiters.get(id) : void 0;
    if (!waiter) return;
    this.#waiters.delete(id);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(new RpcError(error.code, error.message || describeError(error.code, error.data), error.data));
    else waiter.resolve(result);
  }
  #fail(failure) {
    if (this.#closedError) return;
    const err = new ConnectionError(failure?.message ?? this.#closedWording, failure?.code);
    this.#closedError = err;
    for (const w of this.#waiters.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.#waiters.clear();
    this.onClose?.(err);
  }
};

// src/transport/rpc-serve.ts
function serveRequests(peer, handle) {
  peer.onIncoming = (msg) => {
    if (msg.kind === "request") {
      const { id } = msg;
      run(handle, msg.method, msg.params).then(
        (result) => peer.reply(id, { result }),
        (err2) => peer.reply(id, { error: asBusError(err2).toWire() })
      );
      return;
    }
    const err = new BusError(msg.code, msg.data);
    peer.reply(msg.id, { error: err.toWire() });
    peer.onError?.(err);
    if (msg.code === -32001 /* FrameTooLarge */) peer.end();
  };
}
async function run(handle, method, params) {
  return handle(method, params);
}
function asBusError(err) {
  return err instanceof BusError ? err : new BusError(-32603 /* Internal */, { detail: err instanceof Error ? err.message : String(err) });
}

// src/protocol/framing.ts
var utf8 = new TextDecoder("utf-8", { fatal: true });
var NEWLINE = 10;
var LineDecoder = class {
  constructor(maxLineBytes = MAX_FRAME_BYTES) {
    this.maxLineBytes = maxLineBytes;
  }
  maxLineBytes;
  chunks = [];
  buffered = 0;
  /** Once a line is over the limit we skip bytes until its newline instead of buffering them. */
  discarding = false;
  /** Feeds a chunk; returns the complete frames it finished, in order. */
  push(chunk) {
    const frames = [];
    let start = 0;
    for (; ; ) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (this.discarding) {
        this.discarding = false;
      } else if (this.buffered + piece.length > this.maxLineBytes) {
        frames.push({ kind: "oversize", bytes: this.buffered + piece.length });
      } else {
        const line = this.buffered === 0 ? piece : Buffer.concat([...this.chunks, piece]);
        const frame = decodeLine(line);
        if (frame) frames.push(frame);
      }
      this.chunks = [];
      this.buffered = 0;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !this.discarding) {
      if (this.buffered + rest.length > this.maxLineBytes) {
        frames.push({ kind: "oversize", bytes: this.buffered + rest.length });
        this.chunks = [];
        this.buffered = 0;
        this.discarding = true;
      } else {
        this.chunks.push(Buffer.from(rest));
        this.buffered += rest.length;
      }
    }
    return frames;
  }
  /** Bytes held for an unfinished line. */
  get pendingBytes() {
    return this.buffered;
  }
};
function decodeLine(line) {
  let text;
  try {
    text = utf8.decode(line);
  } catch {
    return { kind: "invalid-utf8" };
  }
  if (text.trim() === "") return void 0;
  try {
    return { kind: "message", value: JSON.parse(text) };
  } catch (err) {
    return { kind: "invalid-json", detail: err.message };
  }
}
function encodeFrame(value) {
  return JSON.stringify(value) + "\n";
}

// src/transport/socket-transport.ts
var SocketTransport = class {
  onmessage;
  onclose;
  onerror;
  onflush;
  #socket;
  #decoder;
  #batch;
  #failure;
  #ended = false;
  #turnOpen = false;
  constructor(socket, options = {}) {
    this.#socket = socket;
    this.#decoder = new LineDecoder(options.maxFrameBytes ?? Number.MAX_SAFE_INTEGER);
    this.#batch = options.batchWrites ?? false;
  }
  start() {
    this.#socket.on("data", (chunk) => {
      for (const frame of this.#decoder.push(chunk)) {
        if (this.closed) return;
        this.onmessage?.(frame);
      }
    });
    this.#socket.on("error", (err) => {
      this.#failure ??= err;
      this.onerror?.(err);
    });
    this.#socket.on("close", () => {
      this.#ended = true;
      this.onclose?.(this.#failure);
    });
  }
  get closed() {
    return this.#ended || this.#socket.destroyed;
  }
  /** What the socket holds that the kernel has not taken: the reader has left at least this unread. */
  get unreadBytes() {
    return this.#socket.writableLength;
  }
  send(message) {
    this.writeRaw(encodeFrame(message));
  }
  writeRaw(data) {
    if (this.closed) return;
    if (!this.#turnOpen) {
      this.#turnOpen = true;
      if (this.#batch) this.#socket.cork();
      process.nextTick(() => {
        this.#turnOpen = false;
        if (this.#batch) this.#socket.uncork();
        this.onflush?.();
      });
    }
    this.#socket.write(data);
  }
  end() {
    this.#ended = true;
    this.#socket.end();
  }
  close() {
    this.#ended = true;
    this.#socket.destroy();
  }
  unref() {
    this.#socket.unref();
  }
};

// src/protocol/labels.ts
var PERSON = /^human:/i;
function readsAsPerson(label) {
  return PERSON.test(label);
}
function notAPerson(label) {
  return label.replace(PERSON, (p) => `${p.slice(0, -1)}-`);
}
function filedLabel(sessionId, label) {
  return readsAsPerson(label) && !readsAsPerson(sessionId) ? notAPerson(label) : label;
}

// src/daemon/quick-params.ts
var HELLO_KEYS = /* @__PURE__ */ new Set(["protocol", "version", "root"]);
var BROADCAST_KEYS = /* @__PURE__ */ new Set(["sessionId", "pid", "label", "cwd", "text", "kind", "to"]);
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var string = (v, min, max) => typeof v === "string" && v.length >= min && v.length <= max;
var oneLine = (v, min, max) => string(v, min, max) && ONE_LINE.test(v);
var onlyKeys = (v, known) => Object.keys(v).every((k) => known.has(k));
var name = (v) => string(v, 1, 128);
function quickParams(method, raw) {
  if (!isObject(raw) || Object.values(raw).includes(void 0)) return void 0;
  if (method === "hello") {
    const { protocol, version, root } = raw;
    if (!onlyKeys(raw, HELLO_KEYS) || !Number.isSafeInteger(protocol) || !string(version, 0, 64) || !string(root, 0, 4096)) return void 0;
    return { protocol, version, root };
  }
  if (method === "broadcast") {
    const { sessionId, pid, label, cwd, text, kind: kind2, to } = raw;
    if (!onlyKeys(raw, BROADCAST_KEYS)) return void 0;
    if (!oneLine(sessionId, 1, 128) || !Number.isSafeInteger(pid) || pid < 0 || !oneLine(label, 1, MAX_LABEL_CHARS)) return void 0;
    if (cwd !== void 0 && !string(cwd, 0, 4096) || typeof text !== "string") return void 0;
    if (kind2 !== void 0 && !MESSAGE_KINDS.includes(kind2)) return void 0;
    if (to !== void 0 && !name(to) && !(Array.isArray(to) && to.length >= 1 && to.length <= 32 && to.every(name))) return void 0;
    const out = { sessionId, pid, label };
    if (cwd !== void 0) out.cwd = cwd;
    out.text = text;
    if (kind2 !== void 0) out.kind = kind2;
    if (to !== void 0) out.to = Array.isArray(to) ? [...to] : to;
    return out;
  }
  return void 0;
}

// src/daemon/dispatch.ts
async function dispatch(ctx, handlers2, conn, method, rawParams) {
  const handler = Object.hasOwn(handlers2, method) ? handlers2[method] : void 0;
  if (!handler) throw new BusError(-32601 /* MethodNotFound */, { method });
  const raw = rawParams ?? {};
  let params = schemasLoading() ? void 0 : checkParams(handler, method, raw);
  if (params === void 0) {
    await loadParamSchemas().catch((err) => {
      ctx.logger.error({ err: err.message, method }, "the parameter schemas could not be loaded");
      throw new BusError(-32603 /* Internal */, { detail: `the daemon could not load its parameter schemas (${err.message}); restart it: session-bus restart` });
    });
    params = checkParams(handler, method, raw);
  }
  if (typeof params.sessionId === "string" && typeof params.label === "string") params.label = filedLabel(params.sessionId, params.label);
  try {
    return await handler.handle(ctx, params, conn);
  } catch (err) {
    if (err instanceof BusError) {
      throw err.code === -32020 /* LogWriteFailed */ ? new BusError(err.code, { ...err.data, method }) : err;
    }
    ctx.logger.error({ err: err.stack ?? String(err), method }, "handler failed");
    throw new BusError(-32603 /* Internal */, { detail: err.message });
  }
}
function checkParams(handler, method, raw) {
  const quick = quickParams(method, raw);
  if (quick) return quick;
  if (!schemasLoaded()) return void 0;
  const parsed = handler.params.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join(".") || "params"}: ${issue.message}` : "wrong shape";
    throw new BusError(-32602 /* InvalidParams */, { method, detail });
  }
  return parsed.data;
}

// src/daemon/server.ts
var Conn = class {
  constructor(id, peer) {
    this.id = id;
    this.peer = peer;
  }
  id;
  peer;
  session;
  push;
  livePid;
  watchingAfter;
  leased;
  get closed() {
    return this.peer.closed;
  }
};
var ConnectionServer = class {
  constructor(ctx, handlers2, hooks, options = {}) {
    this.ctx = ctx;
    this.handlers = handlers2;
    this.hooks = hooks;
    this.options = options;
  }
  ctx;
  handlers;
  hooks;
  options;
  nextId = 1;
  conns = /* @__PURE__ */ new Set();
  get connectionCount() {
    return this.conns.size;
  }
  /**
   * Connections that keep the daemon from its idle exit: all but watchers. A `tail -f` left
   * open in a forgotten terminal must not hold a daemon forever; it waits and reconnects.
   */
  get nonWatcherCount() {
    let n = 0;
    for (const c of this.conns) if (c.watchingAfter === void 0) n++;
    return n;
  }
  attach(socket) {
    this.attachTransport(new SocketTransport(socket, { maxFrameBytes: MAX_FRAME_BYTES, batchWrites: true }));
  }
  /**
   * Serves one connection over any transport (a linked in-memory pair in tests). The transport
   * sets its own frame limit; the daemon's is MAX_FRAME_BYTES.
   */
  attachTransport(transport) {
    const peer = new RpcPeer(new BacklogGuard(transport, this.options.backlog ?? DEFAULT_BACKLOG_LIMITS));
    const conn = new Conn(this.nextId++, peer);
    serveRequests(peer, (method, params) => {
      this.hooks.onActivity();
      return dispatch(this.ctx, this.handlers, conn, method, params);
    });
    peer.onNotification = (method, params) => {
      this.hooks.onActivity();
      dispatch(this.ctx, this.handlers, conn, method, params).catch(() => void 0);
    };
    peer.onError = (err) => this.onError(conn, err);
    peer.onClose = () => this.onClose(conn);
    this.conns.add(conn);
    this.hooks.onConnectionsChanged(this.conns.size);
    return conn;
  }
  /**
   * Tells each subscribed session's connection that new messages are waiting for it, once per
   * batch, when one of them matches its wake policy. The subscriber drains them itself, so every
   * delivery still goes through the session's position (exactly once across push and hooks).
   */
  notifyWake(records) {
    for (const c of this.conns) {
      if (!c.session || !c.push || c.push === "none") continue;
      const wake = records.find((r) => this.ctx.broker.wakes(r, c.session, c.push));
      if (wake) c.peer.notify("wake", { seq: wake.seq });
    }
  }
  /**
   * Hands every accepted message past each watcher's subscribe (`watchingAfter`; those before were
   * its history's) to the watchers, one notification each, in seq order. A watcher that stops
   * reading is dropped like any slow consumer.
   */
  notifyWatchers(records) {
    for (const c of this.conns) {
      const after = c.watchingAfter;
      if (after === void 0) continue;
      for (const r of records) {
        if (c.closed) break;
        if (r.seq > after) c.peer.notify(MESSAGE_NOTIFICATION, r);
      }
    }
  }
  closeAll() {
    for (const c of this.conns) c.peer.close();
  }
  /** Bad input was answered by the peer; what ends a connection is logged here. */
  onError(conn, err) {
    this.hooks.onActivity();
    if (err instanceof SlowConsumer) {
      this.ctx.logger.warn({ conn: conn.id, backlog: err.backlog }, err.message);
    } else if (err instanceof BusError && err.code === -32001 /* FrameTooLarge */) {
      this.ctx.logger.warn({ conn: conn.id, bytes: err.data.bytes }, "oversize frame; connection closed");
    }
  }
  onClose(conn) {
    this.conns.delete(conn);
    if (conn.session) {
      this.ctx.broker.disconnect(conn.session, this.ctx.now());
      this.hooks.onSessionDisconnected(conn.session);
    }
    if (conn.livePid !== void 0) this.ctx.liveChanged(conn.livePid, false);
    if (conn.leased) this.ctx.broker.releaseLeases(conn.id, conn.leased);
    this.hooks.onActivity();
    this.hooks.onConnectionsChanged(this.conns.size);
  }
};

// src/daemon/daemon.ts
var COMPACT_MIN_LINES = 5e3;
var CLAIM_SWEEP_MS = 1e3;
var RETENTION_CHECK_MS = 60 * 6e4;
function createDaemon(deps) {
  const { store, clock, logger, info, config } = deps;
  const markers = deps.markers ?? { pending: () => void 0, live: () => void 0, guards: () => void 0 };
  const broker = new Broker(config.retention);
  let federation = federationOff();
  let linesSinceCompact = 0;
  let pendingWrites = 0;
  let accepted = 0;
  let lastActivity = clock();
  const ctx = {
    broker,
    logger,
    info,
    now: clock,
    get federation() {
      return federation;
    },
    async commit(change) {
      const entries = change.records.length === 0 ? change.entries : [...change.entries, ...change.records.map((r) => ({ type: "msg", ...r }))];
      if (entries.length === 0) return;
      pendingWrites += 1;
      try {
        await store.append(entries);
      } catch (err) {
        const e = err;
        throw new BusError(-32020 /* LogWriteFailed */, { cause: e.code ?? e.message, path: info.mailboxPath });
      } finally {
        pendingWrites -= 1;
      }
      broker.apply(change.entries);
      for (const r of change.records) broker.addMessage(r);
      linesSinceCompact += entries.length;
      if (linesSinceCompact > Math.max(COMPACT_MIN_LINES, broker.messageCount)) {
        linesSinceCompact = 0;
        setImmediate(compact);
      }
      if (change.entries.some((e) => e.type === "claim" || e.type === "release")) federation.claimsChanged();
      if (change.entries.some((e) => e.type === "claim" || e.type === "release" || e.type === "touch" || e.type === "settle")) refreshGuards();
      announce(change.records);
    },
    async sessionFor(who, options = {}) {
      const decide = () => broker.resolve(who, clock(), options.backfillMinutes, options.joinByPid);
      let { session, entries } = decide();
      if (entries.length > 0) {
        session = await ctx.serially(async () => {
          const again = decide();
          await ctx.commit({ entries: again.entries, records: [] });
          return broker.session(again.session.id);
        });
      }
      broker.touch(session, who.pid, clock());
      return session;
    },
    pendingChanged(session) {
      markers.pending(session, broker.pendingCount(session) > 0);
    },
    liveChanged(pid, on) {
      markers.live(pid, on);
      refreshGuards();
    },
    serially: createLane(),
    shutdown: (reason) => deps.onStop(reason, 0)
  };
  const server = new ConnectionServer(ctx, deps.handlers ?? handlers, {
    onActivity: () => {
      lastActivity = clock();
    },
    onConnectionsChanged: (count) => {
      lastActivity = clock();
      deps.onConnectionsChanged?.(count);
    },
    onSessionDisconnected: (session) => {
      if (session.connections === 0) checkGone(session.id, config.graceMs);
    }
  }, deps.server);
  const noticesDue = [];
  function announce(records) {
    if (records.length === 0) return;
    accepted += records.length;
    federation.onAccepted(records);
    for (const s of broker.sessionList()) {
      if (records.some((r) => broker.isFor(r, s))) markers.pending(s, true);
    }
    if (noticesDue.length === 0) {
      setImmediate(() => {
        const due = noticesDue.splice(0);
        server.notifyWake(due);
        server.notifyWatchers(due);
      });
    }
    noticesDue.push(...records);
  }
  function refreshGuards() {
    const paths = broker.claims.list(clock()).filter((c) => !isName(c.resource));
    const live = broker.peers();
    const ask = federation.status().state !== "off";
    markers.guards((s) => {
      if (!live.some((o) => o !== s) && !paths.some((c) => c.holder !== s.id)) return void 0;
      const claims2 = paths.filter((c) => c.holder !== s.id).map((c) => literalPrefix(c.resource));
      const editing = live.filter((o) => o !== s).flatMap((o) => [...broker.workingSets.get(o.id)?.values() ?? []].flatMap((files) => [...files.keys()]));
      return guardMarkerText({ ask, claims: claims2, editing });
    });
    if (live.length >= 2) for (const s of live) attributeLoneWork(s);
  }
  const attributed = /* @__PURE__ */ new Set();
  const lookInTurn = createLane();
  function attributeLoneWork(s) {
    if (attributed.has(s.id) || !s.cwd) return;
    attributed.add(s.id);
    const tree = worktreeOf(s.cwd);
    lookInTurn(async () => {
      const dirty = await dirtyFiles(tree);
      const taken = /* @__PURE__ */ new Set();
      for (const trees of broker.workingSets.values()) for (const [t, files] of trees) if (t === tree) for (const p of files.keys()) taken.add(p);
      const paths = [...dirty ?? []].filter((p) => !taken.has(p));
      if (paths.length === 0) return;
      await ctx.commit({ entries: [{ type: "touch", id: s.id, tree, paths, ts: clock() }], records: [] });
    }).catch((err) => logger.warn({ err: err.message, session: s.id }, "could not record what a session changed while alone"));
  }
  function checkGone(sessionId, graceMs) {
    setTimeout(() => {
      const session = broker.sessionById(sessionId);
      if (!session || session.connections > 0 || broker.claims.heldBy(session.id).length === 0 && !broker.workingSets.has(session.id)) return;
      ctx.serially(() => ctx.commit(endSessionClaims(broker, session, clock(), "its session is gone"))).catch((err) => {
        logger.warn({ err: err.message, session: session.id }, "could not record the end of a gone session; trying again after the grace period");
        checkGone(sessionId, graceMs);
      });
      logger.info({ session: session.id, label: session.label }, "session gone past the grace period; its claims ended");
    }, Math.min(graceMs, TIMER_MAX_MS)).unref();
  }
  function compact() {
    const dropped = broker.applyRetention(clock());
    store.compact([...broker.snapshot(clock()), ...federation.snapshotEntries()]).then(
      () => logger.info({ dropped, kept: broker.messageCount, lastSeq: broker.lastSeq }, "mailbox compacted"),
      (err) => logger.warn({ err: err.message }, "compaction failed; the log keeps growing until it succeeds")
    );
  }
  function start(extraGraceMs) {
    for (const s of broker.sessionList()) ctx.pendingChanged(s);
    for (const s of broker.sessionList()) {
      if (broker.claims.heldBy(s.id).length > 0 || broker.workingSets.has(s.id)) checkGone(s.id, config.graceMs + extraGraceMs);
    }
    setInterval(() => {
      ctx.serially(async () => {
        const change = expireClaims(broker, clock());
        if (change.records.length > 0) await ctx.commit(change);
      }).catch((err) => {
        logger.warn({ err: err.message }, "could not record expired claims");
      });
    }, CLAIM_SWEEP_MS).unref();
    const idleCheckMs = Math.max(20, Math.min(config.idleMs / 4, 6e4));
    setInterval(() => {
      if (server.nonWatcherCount === 0 && pendingWrites === 0 && clock() - lastActivity >= config.idleMs) deps.onStop("idle", 0);
    }, idleCheckMs).unref();
    setInterval(() => {
      if (broker.applyRetention(clock()) > 0) compact();
    }, RETENTION_CHECK_MS).unref();
  }
  return {
    broker,
    ctx,
    server,
    replay: () => store.replayInto(broker),
    setFederation: (port) => {
      federation = port;
      refreshGuards();
    },
    compact,
    start,
    accepted: () => accepted,
    resetAccepted: () => {
      accepted = 0;
    },
    lastActivity: () => lastActivity,
    pendingWrites: () => pendingWrites
  };
}

// src/daemon/mailbox-log.ts
var fs3 = __toESM(require("node:fs"), 1);
var path = __toESM(require("node:path"), 1);

// src/daemon/mailbox-io.ts
function wholeLinesEnd(ops, fd, size) {
  const chunk = Buffer.alloc(64 * 1024);
  let end2 = size;
  while (end2 > 0) {
    const start = Math.max(0, end2 - chunk.length);
    const n = ops.readSync(fd, chunk, 0, end2 - start, start);
    const at = chunk.subarray(0, n).lastIndexOf(10);
    if (at !== -1) return start + at + 1;
    end2 = start;
  }
  return 0;
}
function writeAll(ops, fd, buf) {
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf, off, buf.length - off);
}
function syncDirInBackground(ops, dir) {
  let fd;
  try {
    fd = ops.openSync(dir, "r");
  } catch {
    return;
  }
  ops.fsync(fd, () => {
    ops.closeSync(fd);
  });
}

// src/place/mailbox-replay.ts
var fs2 = __toESM(require("node:fs"), 1);

// src/place/mailbox-line.ts
var str = (v) => typeof v === "string" ? { ok: v } : "expected a string";
var int = (min, max) => (v) => Number.isSafeInteger(v) && v >= min && v <= max ? { ok: v } : `expected an integer from ${min} to ${max}`;
var time = (v) => typeof v === "number" && v >= 0 && v <= MAX_TS ? { ok: v } : "time out of range";
var kind = (v) => MESSAGE_KINDS.includes(v) ? { ok: v } : `expected one of ${MESSAGE_KINDS.join(", ")}`;
var list = (item) => (v) => {
  if (!Array.isArray(v)) return "expected a list";
  const out = [];
  for (const x of v) {
    const r = item(x);
    if (typeof r === "string") return r;
    out.push(r.ok);
  }
  return { ok: out };
};
var counts = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected an object";
  const out = {};
  for (const [k, n] of Object.entries(v)) {
    if (!Number.isSafeInteger(n) || n < 0) return "expected counts";
    out[k] = n;
  }
  return { ok: out };
};
var object = (shape, optional = {}) => (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "expected an object";
  const out = {};
  for (const [key, check] of Object.entries(shape)) {
    const r = check(v[key]);
    if (typeof r === "string") return `${key}: ${r}`;
    out[key] = r.ok;
  }
  for (const [key, check] of Object.entries(optional)) {
    const value = v[key];
    if (value === void 0) continue;
    const r = check(value);
    if (typeof r === "string") return `${key}: ${r}`;
    out[key] = r.ok;
  }
  return { ok: out };
};
var seq = int(1, MAX_SEQ);
var position = int(0, MAX_SEQ);
var ENTRIES = {
  msg: object({ seq, ts: time, origin: object({ sessionId: str, pid: int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) }), from: str, kind, text: str }, { to: list(str), host: str, remoteId: str }),
  session: object({ id: str, ids: list(str), pids: list(int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)), label: str, firstSeen: time }, { cwd: str }),
  cursor: object({ id: str, seq: position, ts: time }),
  meta: object({ lastSeq: position, compactedAt: time }),
  claim: object({ resource: str, holder: str, label: str, since: time }, { expiresAt: time, note: str }),
  release: object({ resource: str, holder: str, ts: time }),
  fed: object({ published: int(0, Number.MAX_SAFE_INTEGER) }, { received: counts }),
  touch: object({ id: str, tree: str, paths: list(str), ts: time }),
  settle: object({ id: str, ts: time }, { tree: str, paths: list(str) })
};
function readEntry(value) {
  const fast = messageFastPath(value);
  if (fast) return fast;
  const type = typeof value === "object" && value !== null ? value.type : void 0;
  const check = typeof type === "string" && Object.hasOwn(ENTRIES, type) ? ENTRIES[type] : void 0;
  if (!check) return "not a mailbox entry (unknown type); skipped";
  const r = check(value);
  if (typeof r === "string") return `not a mailbox entry (${r}); skipped`;
  return { type, ...r.ok };
}
function messageFastPath(v) {
  if (typeof v !== "object" || v === null) return void 0;
  const m = v;
  if (m.type !== "msg") return void 0;
  const { seq: seq2, ts, origin, from, kind: kind2, text, to } = m;
  if (Object.keys(m).length !== (to === void 0 ? 7 : 8)) return void 0;
  if (!Number.isSafeInteger(seq2) || seq2 <= 0 || seq2 > MAX_SEQ || typeof ts !== "number" || !(ts >= 0 && ts <= MAX_TS)) return void 0;
  if (typeof from !== "string" || typeof text !== "string" || !MESSAGE_KINDS.includes(kind2)) return void 0;
  if (typeof origin !== "object" || origin === null || Array.isArray(origin) || Object.keys(origin).length !== 2) return void 0;
  const { sessionId, pid } = origin;
  if (typeof sessionId !== "string" || !Number.isSafeInteger(pid)) return void 0;
  if (to !== void 0 && !(Array.isArray(to) && to.every((t) => typeof t === "string"))) return void 0;
  const record = { type: "msg", seq: seq2, ts, origin: { sessionId, pid }, from, kind: kind2, text };
  if (to !== void 0) record.to = to;
  return record;
}

// src/place/restored-state.ts
var RestoredStateBuilder = class {
  state = { lastSeq: 0, messages: [], sessions: [], cursors: /* @__PURE__ */ new Map(), claims: /* @__PURE__ */ new Map(), workingSets: /* @__PURE__ */ new Map() };
  sessions = /* @__PURE__ */ new Map();
  claims = claimMap(this.state.claims);
  workingSets = this.state.workingSets;
  addMessage(record) {
    this.state.messages.push(record);
    this.raiseSeq(record.seq);
  }
  putSession(entry) {
    this.sessions.set(entry.id, entry);
  }
  setCursor(entry) {
    this.state.cursors.set(entry.id, entry);
  }
  raiseSeq(lastSeq) {
    this.state.lastSeq = Math.max(this.state.lastSeq, lastSeq);
  }
  setFederation(entry) {
    this.state.federation = foldFederation(this.state.federation, entry);
  }
  /** The state, messages ascending by seq. */
  finish() {
    this.state.sessions = [...this.sessions.values()];
    this.state.messages.sort((a, b) => a.seq - b.seq);
    return this.state;
  }
};

// src/place/mailbox-file.ts
var fs = __toESM(require("node:fs"), 1);
var MailboxFileError = class extends Error {
  /** The problem and its fix apart (doctor shows them on two lines); the message is both. */
  constructor(problem, fix) {
    super(`${problem}. ${fix}`);
    this.problem = problem;
    this.fix = fix;
  }
  problem;
  fix;
  name = "MailboxFileError";
};
function assertRegularFile(file) {
  let st;
  try {
    st = fs.lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile()) return;
  const what = st.isFIFO() ? "a FIFO" : st.isDirectory() ? "a directory" : st.isSymbolicLink() ? "a symlink" : st.isSocket() ? "a socket" : "a special file";
  throw new MailboxFileError(`the mailbox ${file} is ${what}, not a regular file`, `Move it away (mv "${file}" "${file}.bad"); the bus starts a new one`);
}

// src/place/mailbox-replay.ts
var SEQ_CEILING = MAX_SEQ - 2 ** 32;
var MAX_LOG_LINE_BYTES = 256 * 1024;
function replayMailbox(file, readFile = (f) => fs2.readFileSync(f)) {
  const into = new RestoredStateBuilder();
  const { warnings, lines } = replayInto(into, file, readFile);
  return { state: into.finish(), warnings, lines };
}
function replayInto(state, file, readFile = (f) => fs2.readFileSync(f)) {
  const warnings = [];
  assertRegularFile(file);
  let raw;
  try {
    raw = readFile(file);
  } catch (err) {
    if (err.code === "ENOENT") return { warnings, lines: 0 };
    throw err;
  }
  const check = new EntryCheck(warnings);
  let lineNo = 0;
  let start = 0;
  while (start < raw.length) {
    const end2 = raw.indexOf(10, start);
    lineNo += 1;
    if (end2 === -1) {
      warnings.push({ line: lineNo, reason: `last line (${raw.length - start} bytes) is torn by an interrupted write; cut` });
      break;
    }
    const bytes = end2 - start;
    if (bytes > MAX_LOG_LINE_BYTES) {
      warnings.push({ line: lineNo, reason: `line of ${bytes} bytes is too long; skipped` });
    } else if (bytes > 0) {
      const entry = parseLine(raw.toString("utf8", start, end2));
      if (typeof entry === "string") warnings.push({ line: lineNo, reason: entry });
      else if (check.accepts(entry, lineNo)) applyEntry(state, entry);
    }
    start = end2 + 1;
  }
  for (const entry of check.repairs()) applyEntry(state, entry);
  return { warnings, lines: lineNo };
}
var EntryCheck = class {
  constructor(warnings) {
    this.warnings = warnings;
  }
  warnings;
  lastSeq = 0;
  seen = /* @__PURE__ */ new Map();
  sessions = /* @__PURE__ */ new Set();
  cursors = /* @__PURE__ */ new Map();
  displaced = [];
  accepts(entry, line) {
    switch (entry.type) {
      case "msg":
        return this.message(entry, line);
      case "meta":
        if (entry.lastSeq > SEQ_CEILING) return this.skip(line, `last seq ${entry.lastSeq} leaves no room for new messages (not written by a daemon); skipped`);
        this.lastSeq = Math.max(this.lastSeq, entry.lastSeq);
        return true;
      case "session":
        this.sessions.add(entry.id);
        return true;
      case "cursor":
        this.cursors.set(entry.id, { entry, line });
        return true;
      case "claim":
        if (!this.sessions.has(entry.holder)) return this.skip(line, `claim on ${JSON.stringify(entry.resource)} is held by a session the mailbox does not know (${JSON.stringify(entry.holder)}); dropped`);
        return true;
      default:
        return true;
    }
  }
  /** Entries that end the replay: displaced messages under new seqs, positions moved back. */
  repairs() {
    const out = [];
    for (const { record, line } of this.displaced) {
      const seq2 = ++this.lastSeq;
      this.warnings.push({ line, reason: `seq ${record.seq} was given to two different messages; this one is kept as seq ${seq2}` });
      out.push({ type: "msg", ...record, seq: seq2 });
    }
    for (const [id, { entry, line }] of this.cursors) {
      if (entry.seq <= this.lastSeq) continue;
      this.warnings.push({ line, reason: `position ${entry.seq} of session ${id} is past the last seq ${this.lastSeq}; moved back to it` });
      out.push({ ...entry, seq: this.lastSeq });
    }
    return out;
  }
  message(entry, line) {
    if (entry.seq > SEQ_CEILING) return this.skip(line, `seq ${entry.seq} leaves no room for new messages (not written by a daemon); skipped`);
    const first = this.seen.get(entry.seq);
    if (first) {
      if (sameMessage(first, entry)) return this.skip(line, `message ${entry.seq} is in the log twice; kept once`);
      const { type: _type, ...record } = entry;
      this.displaced.push({ record, line });
      return false;
    }
    this.seen.set(entry.seq, entry);
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    return true;
  }
  skip(line, reason) {
    this.warnings.push({ line, reason });
    return false;
  }
};
function parseLine(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return "not JSON (truncated or corrupt); skipped";
  }
  return readEntry(value);
}
function sameMessage(a, b) {
  return a.ts === b.ts && a.text === b.text && a.kind === b.kind && a.from === b.from && a.origin.sessionId === b.origin.sessionId && a.remoteId === b.remoteId;
}

// src/daemon/mailbox-log.ts
var FSYNC_INTERVAL_MS = 200;
var TORN_LINE_END = "\0\n";
var COMPACT_SLICE = 500;
var JsonlMailboxLog = class {
  constructor(path6, policy = "interval", ops = fs3, writeGuard = () => void 0) {
    this.path = path6;
    this.policy = policy;
    this.ops = ops;
    this.writeGuard = writeGuard;
  }
  path;
  policy;
  ops;
  writeGuard;
  fd;
  pending = [];
  scheduled = false;
  dirty = false;
  fsyncTimer;
  /** A background fdatasync is running; an fd replaced meanwhile is closed when it ends. */
  syncing = false;
  retiredFd;
  /** A compaction waiting for its new file to reach the disk: appends meanwhile are copied to it too. */
  compacting;
  /** Bytes of the open file that hold only whole, acknowledged lines. */
  goodSize = 0;
  /** A failed write left bytes that could not be cut off: start the next write on a fresh line. */
  needsNewline = false;
  replay() {
    return replayMailbox(this.path, (file) => this.ops.readFileSync(file));
  }
  replayInto(state) {
    return replayInto(state, this.path, (file) => this.ops.readFileSync(file));
  }
  append(entries) {
    if (entries.length === 0) return Promise.resolve();
    let data = "";
    for (const e of entries) data += JSON.stringify(e) + "\n";
    return new Promise((resolve5, reject) => {
      this.pending.push({ data, resolve: resolve5, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }
  flush() {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let data = this.needsNewline ? TORN_LINE_END : "";
    for (const p of batch) data += p.data;
    try {
      this.writeGuard();
      const fd = this.open();
      const buf = Buffer.from(data, "utf8");
      writeAll(this.ops, fd, buf);
      if (this.policy === "always") this.ops.fdatasyncSync(fd);
      else this.scheduleFsync();
      this.goodSize += buf.length;
      this.needsNewline = false;
      this.compacting?.appended.push(buf);
    } catch (err) {
      this.cutTornWrite();
      this.closeFd();
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) p.resolve();
  }
  /**
   * A write that failed part way (disk full) may have left whole lines of entries whose senders
   * are told they failed, or a line missing only its newline: cut the file back to what was
   * acknowledged, so a refused message never comes back on replay. If even that fails, the
   * next write first ends the torn line so that replay skips it as corrupt.
   */
  cutTornWrite() {
    if (this.fd === void 0) return;
    try {
      this.ops.ftruncateSync(this.fd, this.goodSize);
    } catch {
      this.needsNewline = true;
    }
  }
  scheduleFsync() {
    this.dirty = true;
    if (this.fsyncTimer) return;
    this.fsyncTimer = setTimeout(() => {
      this.fsyncTimer = void 0;
      this.syncInBackground();
    }, FSYNC_INTERVAL_MS);
    this.fsyncTimer.unref();
  }
  /**
   * The interval sync runs in libuv's thread pool: an fdatasync can take tens of milliseconds,
   * and on the event loop it would stall every client for that long.
   */
  syncInBackground() {
    if (!this.dirty || this.fd === void 0 || this.syncing) return;
    const fd = this.fd;
    this.dirty = false;
    this.syncing = true;
    this.ops.fdatasync(fd, (err) => {
      this.syncing = false;
      if (this.retiredFd === fd) {
        this.retiredFd = void 0;
        this.closeQuietly(fd);
      } else if (err) {
        this.dirty = true;
      }
      if (this.dirty) this.scheduleFsync();
    });
  }
  syncNow() {
    if (!this.dirty || this.fd === void 0) return;
    try {
      this.ops.fdatasyncSync(this.fd);
      this.dirty = false;
    } catch {
    }
  }
  open() {
    if (this.fd !== void 0) return this.fd;
    this.ops.mkdirSync(path.dirname(this.path), { recursive: true, mode: 448 });
    const fd = this.ops.openSync(this.path, fs3.constants.O_RDWR | fs3.constants.O_APPEND | fs3.constants.O_CREAT | fs3.constants.O_NOFOLLOW, 384);
    try {
      const size = this.ops.fstatSync(fd).size;
      this.goodSize = wholeLinesEnd(this.ops, fd, size);
      if (this.goodSize < size) this.cutTornTail(fd, size);
    } catch (err) {
      this.ops.closeSync(fd);
      throw err;
    }
    this.fd = fd;
    return fd;
  }
  /** A torn last line is cut off; where the file cannot be cut, it is ended so replay skips it. */
  cutTornTail(fd, size) {
    try {
      this.ops.ftruncateSync(fd, this.goodSize);
    } catch {
      this.goodSize = size;
      this.needsNewline = true;
    }
  }
  closeFd() {
    if (this.fd === void 0) return;
    if (this.syncing) this.retiredFd = this.fd;
    else this.closeQuietly(this.fd);
    this.fd = void 0;
  }
  closeQuietly(fd) {
    try {
      this.ops.closeSync(fd);
    } catch {
    }
  }
  /**
   * Writes the snapshot to a new file and swaps it in by rename. The new file's fsync, which can
   * take tens of milliseconds for a big log, runs in the thread pool; what is appended to the old
   * file meanwhile is copied to the new one before the swap, so nothing acknowledged is left out.
   */
  async compact(entries) {
    if (this.compacting) return;
    const tmp = `${this.path}.${process.pid}.tmp`;
    this.ops.mkdirSync(path.dirname(this.path), { recursive: true, mode: 448 });
    const fd = this.ops.openSync(tmp, "w", 384);
    const state = { tmp, appended: [] };
    this.compacting = state;
    try {
      for (let i = 0; i < entries.length; i += COMPACT_SLICE) {
        let data = "";
        for (const e of entries.slice(i, i + COMPACT_SLICE)) data += JSON.stringify(e) + "\n";
        writeAll(this.ops, fd, Buffer.from(data, "utf8"));
        await new Promise((resolve5) => setImmediate(resolve5));
      }
      await new Promise((resolve5, reject) => this.ops.fsync(fd, (err) => err ? reject(err) : resolve5()));
      for (const buf of state.appended) writeAll(this.ops, fd, buf);
      if (state.appended.length > 0 && this.policy === "always") this.ops.fsyncSync(fd);
    } catch (err) {
      this.ops.closeSync(fd);
      try {
        this.ops.unlinkSync(tmp);
      } catch {
      }
      throw err;
    } finally {
      this.compacting = void 0;
    }
    this.ops.closeSync(fd);
    this.closeFd();
    this.ops.renameSync(tmp, this.path);
    this.needsNewline = false;
    syncDirInBackground(this.ops, path.dirname(this.path));
  }
  close() {
    if (this.compacting) {
      try {
        this.ops.unlinkSync(this.compacting.tmp);
      } catch {
      }
    }
    this.syncNow();
    if (this.fsyncTimer) clearTimeout(this.fsyncTimer);
    this.fsyncTimer = void 0;
    this.closeFd();
  }
};

// src/daemon/session-markers.ts
var fs5 = __toESM(require("node:fs"), 1);
var path3 = __toESM(require("node:path"), 1);

// src/place/liveness.ts
var fs4 = __toESM(require("node:fs"), 1);
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function isRunning(pid) {
  if (!isAlive(pid)) return false;
  try {
    const stat = fs4.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return isAlive(pid);
  }
}
function isBusDaemon(pid) {
  let cmd;
  try {
    cmd = fs4.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch (err) {
    return err.code !== "ENOENT" || !fs4.existsSync("/proc/self");
  }
  return /daemon[^\0]*\.m?js\0/.test(cmd) && cmd.includes("\0--project\0");
}

// src/place/markers.ts
var path2 = __toESM(require("node:path"), 1);
function markerPath(dir, pid) {
  return path2.join(dir, `pending-${pid}`);
}
function liveMarkerPath(dir, pid) {
  return path2.join(dir, `live-${pid}`);
}
function guardMarkerPath(dir, pid) {
  return path2.join(dir, `guard-${pid}`);
}
var MARKER_NAME = /^(pending|live|guard)-(\d+)$/;

// src/daemon/session-markers.ts
var SessionMarkers = class {
  constructor(dir, sessionOfPid, onError = () => void 0) {
    this.dir = dir;
    this.sessionOfPid = sessionOfPid;
    this.onError = onError;
  }
  dir;
  sessionOfPid;
  onError;
  /**
   * Pid → its pending marker as this daemon last wrote it: on, or off (removed, so no stale file
   * from an earlier daemon is left either). A pid not here has not been written yet.
   */
  written = /* @__PURE__ */ new Map();
  /** Claude pid → live connections standing for it. */
  liveCount = /* @__PURE__ */ new Map();
  /**
   * Pids found gone, with the session they were found gone for: not asked again on every
   * accepted batch (a failed kill(pid, 0) throws, and exceptions on the broadcast path cost
   * throughput). A pid a new session is seen in is asked again.
   */
  gone = /* @__PURE__ */ new Map();
  /** Live pids whose guard marker is there, and what it holds (see guards). */
  guarded = /* @__PURE__ */ new Map();
  /** Sessions whose pending state changed this turn, and to what (see pending). */
  queued = /* @__PURE__ */ new Map();
  /**
   * Sets or clears a session's pending markers: after the current turn, so the file work of a
   * broadcast to many sessions (or of their acknowledgements) is never on the path of a reply.
   * The last call for a session in a turn wins.
   */
  pending(session, pending) {
    this.queued.set(session, pending);
    if (this.queued.size === 1) setImmediate(() => this.flush());
  }
  /** Writes what `pending` queued. */
  flush() {
    const queued = this.queued;
    this.queued = /* @__PURE__ */ new Map();
    for (const [session, pending] of queued) this.write1(session, pending);
  }
  write1(session, pending) {
    for (const pid of session.pids) {
      if (!(pid > 0) || this.sessionOfPid(pid) !== session) continue;
      if (pending) {
        if (this.written.get(pid) === "on" || this.gone.get(pid) === session) continue;
        if (!isAlive(pid)) {
          this.gone.set(pid, session);
          continue;
        }
        this.written.set(pid, "on");
        this.write(markerPath(this.dir, pid), "");
      } else if (this.written.get(pid) !== "off") {
        this.written.set(pid, "off");
        this.write(markerPath(this.dir, pid), void 0);
      }
    }
  }
  /** A live connection for this Claude pid opened (`on`) or closed. */
  live(pid, on) {
    if (!(pid > 0)) return;
    const n = (this.liveCount.get(pid) ?? 0) + (on ? 1 : -1);
    if (n > 0) this.liveCount.set(pid, n);
    else this.liveCount.delete(pid);
    if (on && n === 1) this.write(liveMarkerPath(this.dir, pid), `${process.pid}
`);
    if (n === 0) this.write(liveMarkerPath(this.dir, pid), void 0);
  }
  /**
   * Guard markers for every live Claude pid: present while `contentFor` gives its session one
   * (another session holds something this session's edits could collide with), holding what
   * the edit guard's hook reads (place/guard-marker.ts). Written when the content changes.
   */
  guards(contentFor) {
    for (const pid of this.liveCount.keys()) {
      const session = this.sessionOfPid(pid);
      const content = session === void 0 ? void 0 : contentFor(session);
      if (this.guarded.get(pid) === content) continue;
      const written = this.write(guardMarkerPath(this.dir, pid), content);
      if (content === void 0 || !written) this.guarded.delete(pid);
      else this.guarded.set(pid, content);
    }
    for (const pid of this.guarded.keys()) {
      if (this.liveCount.has(pid)) continue;
      this.guarded.delete(pid);
      this.write(guardMarkerPath(this.dir, pid), void 0);
    }
  }
  /** The daemon is stopping: its live markers would soon name a dead pid anyway. */
  removeLive() {
    for (const pid of this.liveCount.keys()) this.write(liveMarkerPath(this.dir, pid), void 0);
    for (const pid of this.guarded.keys()) this.write(guardMarkerPath(this.dir, pid), void 0);
    this.guarded.clear();
    this.liveCount.clear();
  }
  /** Removes the markers of Claude processes that are gone (killed, ended, or from before a restart). */
  sweep() {
    let names;
    try {
      names = fs5.readdirSync(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name2 of names) {
      const m = MARKER_NAME.exec(name2);
      if (!m) continue;
      const pid = Number(m[2]);
      if (isAlive(pid)) continue;
      this.write(path3.join(this.dir, name2), void 0);
      this.written.set(pid, "off");
      removed += 1;
    }
    this.gone.clear();
    return removed;
  }
  /** The socket dir was made anew: every marker is written again from the broker's state. */
  rewriteAll(sessions, hasPending) {
    this.written.clear();
    for (const pid of this.liveCount.keys()) this.write(liveMarkerPath(this.dir, pid), `${process.pid}
`);
    for (const s of sessions) if (hasPending(s)) this.pending(s, true);
  }
  write(file, content) {
    try {
      if (content !== void 0) fs5.writeFileSync(file, content, { mode: 384 });
      else fs5.rmSync(file, { force: true });
      return true;
    } catch (err) {
      this.onError(err);
      return false;
    }
  }
};

// src/daemon/start-steps.ts
var v8 = __toESM(require("node:v8"), 1);
var fs9 = __toESM(require("node:fs"), 1);
var path5 = __toESM(require("node:path"), 1);

// src/transport/rpc-client.ts
var import_node_net = require("node:net");
var RpcClient = class _RpcClient extends RpcPeer {
  #transport;
  constructor(transport) {
    super(transport, "the session-bus daemon closed the connection");
    this.#transport = transport;
  }
  static connect(socketPath, timeoutMs = 2e3) {
    return new Promise((resolve5, reject) => {
      const socket = (0, import_node_net.createConnection)(socketPath);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`timed out connecting to ${socketPath}`, "ETIMEDOUT"));
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve5(new _RpcClient(new SocketTransport(socket)));
      });
      socket.once("error", (err) => {
        clearTimeout(timer);
        reject(new ConnectionError(err.message, err.code));
      });
    });
  }
  /** Sends raw bytes: for tests that speak bad frames. */
  writeRaw(data) {
    this.#transport.writeRaw(data);
  }
  close() {
    this.#transport.end();
    this.#transport.close();
  }
  /** Lets the process exit while this connection stays open (a long-lived MCP server does not want that). */
  unref() {
    this.#transport.unref();
  }
};

// src/daemon/start-steps.ts
var import_pino = __toESM(require_pino(), 1);

// src/daemon/single-instance.ts
var fs7 = __toESM(require("node:fs"), 1);
var net = __toESM(require("node:net"), 1);

// src/place/start-lock.ts
var fs6 = __toESM(require("node:fs"), 1);
var EMPTY_LOCK_STALE_MS = 1e3;
function createHoldingPid(path6) {
  let fd;
  try {
    fd = fs6.openSync(path6, "wx", 384);
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  }
  try {
    fs6.writeSync(fd, String(process.pid));
  } finally {
    fs6.closeSync(fd);
  }
  return true;
}
function lockHolder(lockPath) {
  try {
    const n = Number.parseInt(fs6.readFileSync(lockPath, "utf8"), 10);
    return Number.isFinite(n) && n > 0 ? n : void 0;
  } catch {
    return void 0;
  }
}
function isStaleLock(lockPath, holder = lockHolder(lockPath)) {
  return holder === void 0 ? lockAgeMs(lockPath) > EMPTY_LOCK_STALE_MS : !isAlive(holder);
}
function lockAgeMs(file) {
  try {
    return Date.now() - fs6.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

// src/place/sleep.ts
function sleep(ms, options = {}) {
  const { signal, unref } = options;
  return new Promise((resolve5) => {
    if (signal?.aborted) return resolve5();
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", finish);
      resolve5();
    };
    const timer = setTimeout(finish, ms);
    if (unref) timer.unref();
    signal?.addEventListener("abort", finish, { once: true });
  });
}

// src/daemon/single-instance.ts
var LOCK_WAIT_MS = 5e3;
var LOCK_POLL_MS = 20;
async function bindExclusive(server, socketPath, lockPath, replace) {
  await acquireLock(lockPath);
  try {
    try {
      await listen(server, socketPath);
      return "bound";
    } catch (err) {
      if (err.code !== "EADDRINUSE") throw err;
    }
    if (await answers(socketPath) && !await replace?.(socketPath)) return "already-running";
    try {
      fs7.unlinkSync(socketPath);
    } catch (err) {
      if (err.code !== "ENOENT") throw err;
    }
    await listen(server, socketPath);
    return "bound";
  } finally {
    releaseLock(lockPath);
  }
}
async function waitUntilGone(socketPath, until) {
  while (Date.now() < until) {
    if (!await answers(socketPath)) return true;
    await sleep(LOCK_POLL_MS);
  }
  return false;
}
function listen(server, socketPath) {
  return new Promise((resolve5, reject) => {
    const onError = (err) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve5();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    const old = process.umask(127);
    try {
      server.listen(socketPath);
    } finally {
      process.umask(old);
    }
  });
}
function answers(socketPath) {
  return new Promise((resolve5) => {
    const s = net.createConnection(socketPath);
    s.once("connect", () => {
      s.destroy();
      resolve5(true);
    });
    s.once("error", () => resolve5(false));
  });
}
async function acquireLock(lockPath) {
  const until = Date.now() + LOCK_WAIT_MS;
  for (; ; ) {
    if (createHoldingPid(lockPath)) return;
    if (isStaleLock(lockPath) || Date.now() > until) {
      try {
        fs7.unlinkSync(lockPath);
      } catch {
      }
      continue;
    }
    await sleep(LOCK_POLL_MS);
  }
}
function releaseLock(lockPath) {
  try {
    if (lockHolder(lockPath) === process.pid) fs7.unlinkSync(lockPath);
  } catch {
  }
}

// src/daemon/takeover.ts
var import_node_child_process3 = require("node:child_process");
var fs8 = __toESM(require("node:fs"), 1);
var path4 = __toESM(require("node:path"), 1);
function takeOverLegacyMailboxes(mailboxPath, legacy, tracked = gitTracks) {
  const reports = [];
  for (const old of legacy) {
    if (path4.resolve(old) === path4.resolve(mailboxPath) || !fs8.existsSync(old)) continue;
    if (tracked(old)) {
      reports.push({ from: old, messages: 0, renumbered: false, skipped: "it is tracked by git (it came with the repository): not imported, not removed" });
      continue;
    }
    const oldState = new JsonlMailboxLog(old).replay().state;
    const current = new JsonlMailboxLog(mailboxPath).replay().state;
    fs8.mkdirSync(path4.dirname(mailboxPath), { recursive: true, mode: 448 });
    const empty = current.lastSeq === 0 && current.sessions.length === 0;
    if (empty) {
      copyDurably(old, mailboxPath);
      reports.push({ from: old, messages: oldState.messages.length, renumbered: false });
    } else {
      const entries = [];
      const seqMap = /* @__PURE__ */ new Map();
      let next = current.lastSeq;
      for (const m of [...oldState.messages].sort((a, b) => a.ts - b.ts || a.seq - b.seq)) {
        next += 1;
        seqMap.set(m.seq, next);
        entries.push({ type: "msg", ...m, seq: next });
      }
      const known = new Set(current.sessions.flatMap((s) => s.ids));
      for (const s of oldState.sessions) {
        if (s.ids.some((id) => known.has(id))) continue;
        entries.push(s);
        const cursor = oldState.cursors.get(s.id);
        const mapped = cursor ? mapCursor(cursor.seq, seqMap, current.lastSeq) : next;
        entries.push({ type: "cursor", id: s.id, seq: mapped, ts: cursor?.ts ?? s.firstSeen });
      }
      appendDurably(mailboxPath, entries);
      reports.push({ from: old, messages: oldState.messages.length, renumbered: true });
    }
    fs8.unlinkSync(old);
    for (const leftover of [".gitignore"]) fs8.rmSync(path4.join(path4.dirname(old), leftover), { force: true });
    try {
      fs8.rmdirSync(path4.dirname(old));
    } catch {
    }
  }
  return reports;
}
function gitTracks(file) {
  try {
    (0, import_node_child_process3.execFileSync)("git", ["-C", path4.dirname(file), "ls-files", "--error-unmatch", "--", path4.basename(file)], { stdio: "ignore", timeout: 5e3 });
    return true;
  } catch (err) {
    return err.status !== 1;
  }
}
function mapCursor(oldCursor, seqMap, base) {
  let best = base;
  for (const [oldSeq, newSeq] of seqMap) if (oldSeq <= oldCursor && newSeq > best) best = newSeq;
  return best;
}
function copyDurably(from, to) {
  const tmp = `${to}.takeover.tmp`;
  fs8.copyFileSync(from, tmp);
  fs8.chmodSync(tmp, 384);
  const fd = fs8.openSync(tmp, "r+");
  fs8.fsyncSync(fd);
  fs8.closeSync(fd);
  fs8.renameSync(tmp, to);
}
function appendDurably(file, entries) {
  const fd = fs8.openSync(file, "a", 384);
  try {
    fs8.writeSync(fd, entries.map((e) => JSON.stringify(e) + "\n").join(""));
    fs8.fsyncSync(fd);
  } finally {
    fs8.closeSync(fd);
  }
}

// src/place/mailbox-owner.ts
var import_node_fs6 = require("node:fs");
var import_node_os3 = require("node:os");
function mailboxLockPath(mailboxPath) {
  return `${mailboxPath}.lock`;
}
function readMailboxOwner(lockPath) {
  let raw;
  try {
    raw = JSON.parse(readSmallRegularFile(lockPath, MAX_OWNER_BYTES));
  } catch {
    return void 0;
  }
  if (typeof raw !== "object" || raw === null) return void 0;
  const o = raw;
  if (!Number.isSafeInteger(o.pid) || o.pid <= 0) return void 0;
  if (typeof o.host !== "string" || typeof o.ns !== "string" || typeof o.socket !== "string" || typeof o.since !== "number") return void 0;
  return { pid: o.pid, host: o.host, ns: o.ns, socket: o.socket, since: o.since };
}
var MAX_OWNER_BYTES = 4096;
function readSmallRegularFile(file, max) {
  const fd = (0, import_node_fs6.openSync)(file, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NOFOLLOW | import_node_fs6.constants.O_NONBLOCK);
  try {
    if (!(0, import_node_fs6.fstatSync)(fd).isFile()) throw new Error(`${file} is not a regular file`);
    const buf = Buffer.alloc(max);
    const n = (0, import_node_fs6.readSync)(fd, buf, 0, max, 0);
    return buf.toString("utf8", 0, n);
  } finally {
    (0, import_node_fs6.closeSync)(fd);
  }
}
function ownPlace() {
  let ns = "none";
  try {
    ns = (0, import_node_fs6.readlinkSync)("/proc/self/ns/pid");
  } catch {
  }
  return { host: (0, import_node_os3.hostname)(), ns };
}

// src/daemon/start-steps.ts
var REPLACE_TIMEOUT_MS = 3e3;
var LOCK_WAIT_MS2 = 300;
var LOG_CAP_BYTES = 5 * 1024 * 1024;
function signalToRebind(owner, socketPath) {
  const here = ownPlace();
  if (owner.socket !== socketPath || owner.host !== here.host || owner.ns !== here.ns || !isBusDaemon(owner.pid)) return;
  try {
    process.kill(owner.pid, "SIGUSR2");
  } catch {
  }
}
function removeLeftovers(mailboxPath, logger) {
  const dir = path5.dirname(mailboxPath);
  const base = path5.basename(mailboxPath);
  let names;
  try {
    names = fs9.readdirSync(dir);
  } catch {
    return;
  }
  const left = names.filter((n) => n.startsWith(`${base}.`) && n.endsWith(".tmp"));
  for (const n of left) fs9.rmSync(path5.join(dir, n), { force: true });
  if (left.length > 0) logger.info({ removed: left.length }, "removed temp files a killed daemon left beside the mailbox");
}
async function replaceOlder(socketPath, root, version, logger) {
  const client = await RpcClient.connect(socketPath, 1e3).catch(() => void 0);
  if (!client) return false;
  try {
    const hello2 = await client.request("hello", { protocol: PROTOCOL_VERSION, version: VERSION, root }, 2e3);
    const older = isOlderThan(hello2, PROTOCOL_VERSION, version);
    if (!older) return false;
    logger.info({ pid: hello2.pid, version: hello2.version, by: version }, "replacing an older daemon");
    await client.request("shutdown", { reason: `replaced by version ${version}` }, 2e3).catch(() => void 0);
  } catch {
    return false;
  } finally {
    client.close();
  }
  return waitUntilGone(socketPath, Date.now() + REPLACE_TIMEOUT_MS);
}
function prepareSelfIgnoring(dir, logger) {
  try {
    ensureSelfIgnoring(dir);
  } catch (err) {
    logger.warn({ err: err.message, dir }, "could not write the mailbox folder .gitignore");
  }
}
function rotateIfOver(logPath, dest) {
  try {
    if (fs9.statSync(logPath).size <= LOG_CAP_BYTES) return;
    fs9.renameSync(logPath, `${logPath}.1`);
    fs9.closeSync(fs9.openSync(logPath, "a", 384));
    dest?.reopen();
  } catch {
  }
}
function openDaemonLog(logPath) {
  rotateIfOver(logPath);
  fs9.closeSync(fs9.openSync(logPath, "a", 384));
  const dest = import_pino.default.destination({ dest: logPath, append: true, sync: true, mkdir: false });
  return { logger: (0, import_pino.default)({ base: { pid: process.pid, role: "daemon" } }, dest), dest };
}
function takeOverOldMailboxes(mailboxPath, legacy, logger) {
  try {
    for (const r of takeOverLegacyMailboxes(mailboxPath, legacy)) {
      if (r.skipped) logger.warn({ from: r.from, why: r.skipped }, "left a mailbox at the old location alone");
      else logger.info({ ...r, to: mailboxPath }, "took over a mailbox from the old location");
    }
  } catch (err) {
    logger.error({ err: err.message }, "taking over the old mailbox failed; it stays where it is");
  }
}
function logReplayWarnings(warnings, mailboxPath, logger) {
  for (const w of warnings.slice(0, 50)) logger.warn({ line: w.line, mailbox: mailboxPath }, `mailbox replay: ${w.reason}`);
  if (warnings.length > 50) logger.warn({ more: warnings.length - 50 }, "mailbox replay: more warnings not shown");
}
function collectWhenQuiet(everyMs, due) {
  const gc = globalThis.gc;
  if (!gc) return;
  setInterval(() => {
    if (!due()) return;
    v8.setFlagsFromString("--compact-on-every-full-gc");
    gc();
    v8.setFlagsFromString("--no-compact-on-every-full-gc");
  }, everyMs).unref();
}

// src/daemon/socket-keeper.ts
var fs10 = __toESM(require("node:fs"), 1);
var SOCKET_CHECK_MS = 1e3;
var BIND_ATTEMPTS = 5;
var SocketKeeper = class {
  constructor(endpoint, newServer, logger) {
    this.endpoint = endpoint;
    this.newServer = newServer;
    this.logger = logger;
  }
  endpoint;
  newServer;
  logger;
  /** The socket file this daemon bound: the only one it may remove. */
  inode;
  checking = false;
  timer;
  /** Called after the path was bound again (the socket dir may be new: markers and log follow). */
  onRebound;
  async bind(replace) {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await bindExclusive(this.newServer(), this.endpoint.socketPath, this.endpoint.lockPath, replace);
        if (outcome === "bound") this.remember();
        return outcome;
      } catch (err) {
        if (err.code !== "ENOENT" || attempt >= BIND_ATTEMPTS) throw err;
        ensurePrivateDir(this.endpoint.dir);
      }
    }
  }
  /** True while the path is this daemon's socket. */
  ownsPath() {
    if (process.platform === "win32") return true;
    try {
      return this.inode !== void 0 && fs10.statSync(this.endpoint.socketPath).ino === this.inode;
    } catch {
      return false;
    }
  }
  watch(replace) {
    this.timer = setInterval(() => void this.check(replace), SOCKET_CHECK_MS);
    this.timer.unref();
    process.on("SIGUSR2", () => void this.check(replace));
  }
  /** Serves the path again if it is not ours. A server bound before stays open: closing it would unlink the path. */
  async check(replace) {
    if (this.checking || this.ownsPath()) return;
    this.checking = true;
    try {
      ensurePrivateDir(this.endpoint.dir);
      const outcome = await this.bind(replace);
      if (outcome === "bound") {
        this.logger.warn({ socket: this.endpoint.socketPath }, "the socket path was removed or replaced; serving it again");
        this.onRebound?.();
      }
    } catch (err) {
      this.logger.warn({ err: err.message, socket: this.endpoint.socketPath }, "could not serve the socket path again; trying again");
    } finally {
      this.checking = false;
    }
  }
  /** On the way out: removes the socket file only if it is still ours (a replacing daemon may own it by now). */
  removeOwnSocket() {
    if (this.timer) clearInterval(this.timer);
    try {
      if (this.ownsPath() && process.platform !== "win32") fs10.unlinkSync(this.endpoint.socketPath);
    } catch {
    }
  }
  remember() {
    try {
      fs10.chmodSync(this.endpoint.socketPath, 384);
      this.inode = fs10.statSync(this.endpoint.socketPath).ino;
    } catch {
    }
  }
};

// src/daemon/mailbox-lock.ts
var fs11 = __toESM(require("node:fs"), 1);
var import_node_path6 = require("node:path");
var LOCK_HEARTBEAT_MS = 2e3;
var LOCK_STALE_MS = 1e4;
var MUTEX_STALE_MS = 5e3;
var POLL_MS = 25;
var MailboxLock = class {
  constructor(mailboxPath, socket) {
    this.socket = socket;
    this.path = mailboxLockPath(mailboxPath);
  }
  socket;
  path;
  ino;
  /**
   * The lock file stays open while held: its inode cannot be freed and given to a new lock file
   * made by a daemon that took over (on ext4 the freed number comes back at once), so "the file at
   * the path has my inode" means it is mine.
   */
  fd;
  /** Held once: a lock lost after that means another daemon writes now, and this one must stop. */
  wasHeld = false;
  timer;
  /**
   * Takes the lock, waiting up to `waitMs` for a live owner to let go (an older daemon being
   * replaced exits meanwhile). Otherwise reports who holds it, or why it cannot be made.
   */
  async acquire(waitMs) {
    const until = Date.now() + waitMs;
    for (; ; ) {
      const r = this.take();
      if (r !== "held-by-other") return r === "held" ? "held" : { unwritable: r };
      if (Date.now() >= until) return { heldBy: readMailboxOwner(this.path) };
      await sleep(POLL_MS);
    }
  }
  /**
   * Before every append: throws unless this daemon owns the mailbox now. One that never could
   * make the lock (a read-only folder that became writable) takes it here; one that lost it
   * does not get it back.
   */
  assertWritable() {
    if (this.isHeld()) return;
    if (this.wasHeld) throw new LockLost();
    const r = this.take();
    if (r === "held") return;
    throw r === "held-by-other" ? new Error("another daemon owns the mailbox") : Object.assign(new Error(r), { code: r });
  }
  /** Still ours: the file at the path is the one we created. Cheap (one stat). */
  isHeld() {
    if (this.ino === void 0) return false;
    try {
      return fs11.statSync(this.path).ino === this.ino;
    } catch {
      return false;
    }
  }
  get lost() {
    return this.wasHeld && !this.isHeld();
  }
  /** Touches the lock every heartbeat; `onLost` when it is not ours any more. */
  keepAlive(onLost) {
    this.timer = setInterval(() => {
      if (this.lost) {
        onLost();
        return;
      }
      if (!this.isHeld()) return;
      try {
        const now = /* @__PURE__ */ new Date();
        fs11.utimesSync(this.path, now, now);
      } catch {
      }
    }, LOCK_HEARTBEAT_MS);
    this.timer.unref();
  }
  release() {
    if (this.timer) clearInterval(this.timer);
    if (this.isHeld()) fs11.rmSync(this.path, { force: true });
    if (this.fd !== void 0) fs11.closeSync(this.fd);
    this.fd = void 0;
  }
  /** One try: 'held', 'held-by-other', or the errno that stopped it. */
  take() {
    for (let attempt = 0; attempt < 2; attempt++) {
      let made;
      try {
        fs11.mkdirSync((0, import_node_path6.dirname)(this.path), { recursive: true, mode: 448 });
        made = tryCreate(this.path, this.socket);
      } catch (err) {
        return err.code ?? String(err);
      }
      if (made !== void 0) {
        if (this.fd !== void 0) fs11.closeSync(this.fd);
        this.fd = made.fd;
        this.ino = made.ino;
        this.wasHeld = true;
        return "held";
      }
      if (!(isStale(this.path, readMailboxOwner(this.path)) && takeOver(this.path))) return "held-by-other";
    }
    return "held-by-other";
  }
};
var LockLost = class extends Error {
  name = "LockLost";
  constructor() {
    super("another daemon took the mailbox over");
  }
};
function tryCreate(lockPath, socket) {
  const { host, ns } = ownPlace();
  const record = { pid: process.pid, host, ns, socket, since: Date.now() };
  let fd;
  try {
    fd = fs11.openSync(lockPath, "wx", 384);
  } catch (err) {
    if (err.code === "EEXIST") return void 0;
    throw err;
  }
  try {
    fs11.writeSync(fd, JSON.stringify(record) + "\n");
    return { fd, ino: fs11.fstatSync(fd).ino };
  } catch (err) {
    fs11.closeSync(fd);
    throw err;
  }
}
function isStale(lockPath, owner) {
  let age;
  try {
    const st = fs11.lstatSync(lockPath);
    if (!st.isFile()) return true;
    age = Date.now() - st.mtimeMs;
  } catch {
    return false;
  }
  if (age > LOCK_STALE_MS || age < -LOCK_STALE_MS) return true;
  if (!owner) return age > 1e3;
  const here = ownPlace();
  return owner.host === here.host && owner.ns === here.ns && !(isRunning(owner.pid) && isBusDaemon(owner.pid));
}
function takeOver(lockPath) {
  const mutex = `${lockPath}.d`;
  try {
    fs11.mkdirSync(mutex, { mode: 448 });
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
    try {
      const st = fs11.lstatSync(mutex);
      const age = Math.abs(Date.now() - st.mtimeMs);
      if (age > MUTEX_STALE_MS || !st.isDirectory()) fs11.rmSync(mutex, { recursive: true, force: true });
    } catch {
    }
    return false;
  }
  try {
    if (isStale(lockPath, readMailboxOwner(lockPath))) fs11.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs11.rmdirSync(mutex);
  }
}

// src/daemon/main.ts
var LOG_CHECK_MS = 10 * 6e4;
var MARKER_SWEEP_MS = 5 * 6e4;
var IDLE_GC_AFTER_MESSAGES = 1e3;
var IDLE_GC_QUIET_MS = 2e3;
var SCHEMA_PRELOAD_MS = 1e3;
var RESTART_GRACE_EXTRA_MS = 5e3;
function restartGraceExtraMs(env) {
  return testOnlyMs(env, "SESSION_BUS_RESTART_GRACE_EXTRA_MS") ?? RESTART_GRACE_EXTRA_MS;
}
async function main() {
  const { values } = (0, import_node_util.parseArgs)({ options: { project: { type: "string" }, "replace-older-than": { type: "string" } }, strict: true });
  if (!values.project) throw new Error("usage: daemon --project <dir>");
  const location = locateProject(values.project);
  const root = location.busRoot;
  const mailboxPath = location.mailboxPath;
  const settings = settingsFor(location.mailboxDir, process.env);
  Object.assign(process.env, settings.env);
  const config = readConfig(process.env);
  const endpoint = endpointFor(root);
  ensurePrivateDir(endpoint.dir);
  const { logger, dest } = openDaemonLog(endpoint.logPath);
  const lock = new MailboxLock(mailboxPath, endpoint.socketPath);
  const log = new JsonlMailboxLog(mailboxPath, config.fsync, fs12, () => {
    try {
      lock.assertWritable();
    } catch (err) {
      if (err instanceof LockLost) void stop("another daemon owns the mailbox now", 1);
      throw err;
    }
  });
  let shuttingDown = false;
  const markers = new SessionMarkers(endpoint.dir, (pid) => daemon.broker.sessionOfPid(pid), (err) => logger.warn({ err: err.message }, "session marker not written"));
  const daemon = createDaemon({
    store: log,
    clock: Date.now,
    logger,
    info: { pid: process.pid, version: VERSION, protocol: PROTOCOL_VERSION, root, startedAt: Date.now(), socketPath: endpoint.socketPath, logPath: endpoint.logPath, mailboxPath, settings: settings.report },
    config,
    markers,
    onStop: (reason, code) => void stop(reason, code)
  });
  const { broker, server } = daemon;
  async function stop(reason, code) {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ reason }, "daemon stopping");
    keeper.removeOwnSocket();
    server.closeAll();
    markers.removeLive();
    await daemon.ctx.federation.stop();
    log.close();
    lock.release();
    dest.flushSync();
    process.exit(code);
  }
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGHUP", () => void stop("SIGHUP", 0));
  process.on("uncaughtException", (err) => {
    logger.fatal({ err: err.stack ?? String(err) }, "uncaught exception");
    void stop("crash", 1);
  });
  let held = [];
  const keeper = new SocketKeeper(
    endpoint,
    () => net2.createServer((socket) => {
      if (shuttingDown) socket.destroy();
      else if (held) held.push(socket);
      else server.attach(socket);
    }),
    logger
  );
  const replaceOlderThan = values["replace-older-than"];
  const outcome = await keeper.bind(replaceOlderThan ? (socketPath) => replaceOlder(socketPath, root, replaceOlderThan, logger) : void 0);
  if (outcome === "already-running") {
    logger.info({ socket: endpoint.socketPath }, "another daemon already serves this project; exiting");
    dest.flushSync();
    process.exit(0);
  }
  const locked = await lock.acquire(replaceOlderThan ? REPLACE_TIMEOUT_MS : LOCK_WAIT_MS2);
  if (locked !== "held" && "unwritable" in locked) {
    logger.warn({ err: locked.unwritable, mailbox: mailboxPath }, "cannot make the mailbox lock; serving reads, writes are refused until it can be made");
  } else if (locked !== "held") {
    const owner = locked.heldBy;
    logger.warn({ owner, mailbox: mailboxPath }, "another daemon owns this mailbox; handing the socket path back to it and exiting");
    keeper.removeOwnSocket();
    if (owner) signalToRebind(owner, endpoint.socketPath);
    dest.flushSync();
    process.exit(0);
  }
  lock.keepAlive(() => void stop("another daemon owns the mailbox now", 1));
  if (lock.isHeld()) removeLeftovers(mailboxPath, logger);
  keeper.onRebound = () => {
    rotateIfOver(endpoint.logPath, dest);
    markers.rewriteAll(broker.sessionList(), (s) => broker.pendingCount(s) > 0);
  };
  keeper.watch((socketPath) => replaceOlder(socketPath, root, VERSION, logger));
  const replayStart = Date.now();
  if (!location.inGit) prepareSelfIgnoring(location.mailboxDir, logger);
  takeOverOldMailboxes(mailboxPath, legacyMailboxes(location), logger);
  const replayed = daemon.replay();
  for (const socket of held) if (!socket.destroyed) server.attach(socket);
  held = void 0;
  logReplayWarnings(replayed.warnings, mailboxPath, logger);
  daemon.setFederation(await startFederation(daemon.ctx, location, broker.federationPosition, process.env, (port) => daemon.setFederation(port)));
  const dropped = broker.applyRetention(Date.now());
  const snapshotLines = broker.sessionList().length * 2 + broker.messageCount + 1;
  if (dropped > 0 || replayed.warnings.length > 0 || replayed.lines > snapshotLines + COMPACT_MIN_LINES) daemon.compact();
  logger.info(
    { root, socket: endpoint.socketPath, mailbox: mailboxPath, version: VERSION, lastSeq: broker.lastSeq, messages: broker.messageCount, replayMs: Date.now() - replayStart },
    "daemon started"
  );
  const swept = markers.sweep();
  if (swept > 0) logger.info({ removed: swept }, "removed the markers of Claude processes that are gone");
  daemon.start(restartGraceExtraMs(process.env));
  setTimeout(() => {
    loadParamSchemas().catch((err) => logger.error({ err: err.message }, "the parameter schemas could not be loaded; requests that need them fail until the daemon restarts"));
  }, SCHEMA_PRELOAD_MS).unref();
  setInterval(() => rotateIfOver(endpoint.logPath, dest), LOG_CHECK_MS).unref();
  setInterval(() => markers.sweep(), MARKER_SWEEP_MS).unref();
  collectWhenQuiet(IDLE_GC_QUIET_MS, () => {
    if (daemon.accepted() < IDLE_GC_AFTER_MESSAGES || Date.now() - daemon.lastActivity() < IDLE_GC_QUIET_MS) return false;
    daemon.resetAccepted();
    return true;
  });
}
main().catch((err) => {
  process.stderr.write(`session-bus daemon failed to start: ${err.message}
`);
  process.exit(1);
});
