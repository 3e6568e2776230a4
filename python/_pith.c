/* _pith.c — the pith._pith CPython extension: libpith for Python.
 *
 * Takes pages (bytes-like or str), options and WARC paths; gives dicts with
 * the CLI's JSON keys (built from the pith_doc accessors), rendered strings
 * and WARC records. The GIL is released around extraction, rendering and WARC
 * reads. A C extractor serves one thread at a time, so each Extractor keeps a
 * pool: a call borrows one under a short lock (not held while extracting).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "pith.h"

/* setup.py sets 0 when the linked libpith has no WARC reader yet */
#ifndef PITH_PY_HAVE_WARC
#define PITH_PY_HAVE_WARC 1
#endif

#define N_STATUS (PITH_EIO + 1)
#define N_MODULE_POOLS 8 /* option sets cached for the module-level extract() */
#define POOL_KEEP 64     /* idle extractors kept per pool; more are freed */

/* ------------------------------------------------------------- state */

/* Idle extractors built with one set of options. */
typedef struct expool {
    PyThread_type_lock lock; /* guards n and items only, never held while extracting */
    pith_options opt;        /* what every extractor in here was built with */
    int in_use;              /* module pools: this slot holds an option set */
    size_t n;                /* idle extractors in items */
    pith_extractor *items[POOL_KEEP];
} expool;

typedef struct modstate {
    PyObject *error_base;            /* pith.Error */
    PyObject *errors[N_STATUS];      /* exception class per status (NULL for OK) */
    PyObject *status_names[N_STATUS]; /* "PITH_ETOOBIG", ... */
    PyObject *s_ok;                  /* "ok" */
    PyObject *k_field[PITH_FIELD_COUNT]; /* dict keys, from pith_field_name */
    PyObject *k_list[PITH_LIST_COUNT];
    PyObject *k_status, *k_error, *k_message, *k_text, *k_field_sources, *k_blocks, *k_comments;
    PyObject *k_kind, *k_level, *k_ordered, *k_header;
    PyObject *kind_names[PITH_BLOCK_KIND_COUNT];
    PyObject *k_read_error;          /* "read error" */
    PyObject *utc;                   /* datetime.timezone.utc */
    PyObject *extractor_type;
    PyObject *warc_type;
    PyThread_type_lock pools_lock;   /* guards the in_use/opt of pools[] */
    expool *pools;                   /* N_MODULE_POOLS, for module-level calls */
} modstate;

static modstate *state_of(PyObject *module) { return (modstate *)PyModule_GetState(module); }

/* Our types are final (no subclasses), so the type always knows its module. */
static modstate *state_of_type(PyTypeObject *t) { return (modstate *)PyType_GetModuleState(t); }

static const char *const KIND_NAMES[PITH_BLOCK_KIND_COUNT] = {
    "paragraph", "heading", "list_item", "quote", "code", "table_row", "caption",
};

/* ---------------------------------------------------------- errors */

/* Raise the exception class of status s with the library's message, and
 * attributes status, name, message and record (the partial result or None);
 * errno_value, when not 0, becomes the errno attribute (ReadError). */
static void raise_status_errno(modstate *st, pith_status s, const char *message, PyObject *record,
                               int errno_value);

static void raise_status(modstate *st, pith_status s, const char *message, PyObject *record)
{
    raise_status_errno(st, s, message, record, 0);
}

static void raise_status_errno(modstate *st, pith_status s, const char *message, PyObject *record,
                               int errno_value)
{
    if ((unsigned)s >= N_STATUS || s == PITH_OK)
        s = PITH_EINTERNAL;
    if (!message || !*message)
        message = pith_status_message(s);
    PyObject *cls = st->errors[s];
    PyObject *exc = PyObject_CallFunction(cls, "s", message);
    if (!exc)
        return;
    PyObject *code = PyLong_FromLong((long)s);
    PyObject *msg = PyUnicode_DecodeUTF8(message, (Py_ssize_t)strlen(message), "replace");
    if (!code || !msg || PyObject_SetAttrString(exc, "status", code) < 0 ||
        PyObject_SetAttrString(exc, "name", st->status_names[s]) < 0 ||
        PyObject_SetAttrString(exc, "message", msg) < 0 ||
        PyObject_SetAttrString(exc, "record", record ? record : Py_None) < 0) {
        Py_XDECREF(code);
        Py_XDECREF(msg);
        Py_DECREF(exc);
        return;
    }
    Py_DECREF(code);
    Py_DECREF(msg);
    if (errno_value) {
        PyObject *e = PyLong_FromLong(errno_value);
        if (!e || PyObject_SetAttrString(exc, "errno", e) < 0) {
            Py_XDECREF(e);
            Py_DECREF(exc);
            return;
        }
        Py_DECREF(e);
    }
    PyErr_SetObject(cls, exc);
    Py_DECREF(exc);
}

static void raise_invalid(modstate *st, const char *what)
{
    raise_status(st, PITH_EINVAL, what, NULL);
}

/* ---------------------------------------------------------- pools */

static int opt_equal(const pith_options *a, const pith_options *b)
{
    return a->flags == b->flags && a->max_bytes == b->max_bytes && a->max_depth == b->max_depth &&
           a->max_nodes == b->max_nodes && a->max_attrs == b->max_attrs &&
           a->max_formatting == b->max_formatting && a->time_budget_ms == b->time_budget_ms &&
           a->max_memory == b->max_memory;
}

static pith_extractor *new_extractor(modstate *st, const pith_options *opt)
{
    pith_extractor *ex = NULL;
    const char *bad = NULL;
    pith_status s = pith_extractor_new(opt, &ex, &bad);
    if (s == PITH_OK)
        return ex;
    if (s == PITH_EINVAL) {
        char msg[160];
        if (bad && !strcmp(bad, "flags"))
            snprintf(msg, sizeof msg, "precision and recall cannot both be set");
        else
            snprintf(msg, sizeof msg, "invalid option value: %s", bad ? bad : "?");
        raise_invalid(st, msg);
    } else {
        raise_status(st, s, NULL, NULL);
    }
    return NULL;
}

/* An idle extractor from pool p, or a new one built with opt (p may be NULL). */
static pith_extractor *pool_take(modstate *st, expool *p, const pith_options *opt)
{
    pith_extractor *ex = NULL;
    if (p) {
        PyThread_acquire_lock(p->lock, WAIT_LOCK);
        if (p->n)
            ex = p->items[--p->n];
        PyThread_release_lock(p->lock);
    }
    return ex ? ex : new_extractor(st, opt);
}

static void pool_give(expool *p, pith_extractor *ex)
{
    if (p) {
        PyThread_acquire_lock(p->lock, WAIT_LOCK);
        if (p->n < POOL_KEEP) {
            p->items[p->n++] = ex;
            ex = NULL;
        }
        PyThread_release_lock(p->lock);
    }
    pith_extractor_free(ex);
}

static int pool_init(expool *p, const pith_options *opt)
{
    memset(p, 0, sizeof *p);
    if (opt)
        p->opt = *opt;
    p->lock = PyThread_allocate_lock();
    return p->lock ? 0 : -1;
}

static void pool_clear(expool *p)
{
    for (size_t i = 0; i < p->n; i++)
        pith_extractor_free(p->items[i]);
    p->n = 0;
    if (p->lock)
        PyThread_free_lock(p->lock);
    p->lock = NULL;
}

/* The module pool for these options. With claim, an empty slot is taken
 * for them when none matches; NULL when none matches and none is free (the
 * caller then uses a one-off extractor). */
static expool *module_pool(modstate *st, const pith_options *opt, int claim)
{
    expool *found = NULL, *empty = NULL;
    PyThread_acquire_lock(st->pools_lock, WAIT_LOCK);
    for (int i = 0; i < N_MODULE_POOLS && !found; i++) {
        expool *p = &st->pools[i];
        if (p->in_use && opt_equal(&p->opt, opt))
            found = p;
        else if (!p->in_use && !empty)
            empty = p;
    }
    if (!found && claim && empty) {
        empty->opt = *opt;
        empty->in_use = 1;
        found = empty;
    }
    PyThread_release_lock(st->pools_lock);
    return found;
}

/* ---------------------------------------------------------- options */

/* Extraction options as given by keywords (NULL object = not given). */
typedef struct optargs {
    int comments, precision, recall, metadata, strict_limits;
    PyObject *max_bytes, *max_depth, *max_nodes, *max_attrs, *max_formatting, *timeout_ms, *max_memory;
} optargs;

static void optargs_init(optargs *a)
{
    memset(a, 0, sizeof *a);
    a->metadata = 1;
}

/* None/absent keeps *out; otherwise a non-negative int up to max. */
static int size_arg(modstate *st, PyObject *o, const char *name, unsigned long long max,
                    unsigned long long *out)
{
    if (!o || o == Py_None)
        return 0;
    if (!PyLong_Check(o) || PyBool_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be an int or None", name);
        return -1;
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(o);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        v = max + 1;
        if (max == ULLONG_MAX) {
            char msg[96];
            snprintf(msg, sizeof msg, "%s is out of range", name);
            raise_invalid(st, msg);
            return -1;
        }
    }
    if (v > max) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s is out of range (at most %llu)", name, max);
        raise_invalid(st, msg);
        return -1;
    }
    *out = v;
    return 0;
}

static int build_options(modstate *st, const optargs *a, pith_options *opt)
{
    pith_options_init(opt);
    if (a->comments)
        opt->flags |= PITH_OPT_COMMENTS;
    if (a->precision)
        opt->flags |= PITH_OPT_PRECISION;
    if (a->recall)
        opt->flags |= PITH_OPT_RECALL;
    if (!a->metadata)
        opt->flags |= PITH_OPT_NO_METADATA;
    if (a->strict_limits)
        opt->flags |= PITH_OPT_STRICT_LIMITS;
    unsigned long long v;
    v = opt->max_bytes;
    if (size_arg(st, a->max_bytes, "max_bytes", SIZE_MAX, &v))
        return -1;
    opt->max_bytes = (size_t)v;
    v = opt->max_memory;
    if (size_arg(st, a->max_memory, "max_memory", SIZE_MAX, &v))
        return -1;
    opt->max_memory = (size_t)v;
    struct {
        PyObject *o;
        const char *name;
        unsigned *field;
    } u[] = {
        {a->max_depth, "max_depth", &opt->max_depth},
        {a->max_nodes, "max_nodes", &opt->max_nodes},
        {a->max_attrs, "max_attrs", &opt->max_attrs},
        {a->max_formatting, "max_formatting", &opt->max_formatting},
        {a->timeout_ms, "timeout_ms", &opt->time_budget_ms},
    };
    for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
        v = *u[i].field;
        if (size_arg(st, u[i].o, u[i].name, UINT_MAX, &v))
            return -1;
        *u[i].field = (unsigned)v;
    }
    return 0;
}

/* "dict" (-1) or a pith_format; NULL name = dflt. */
static int format_arg(modstate *st, const char *name, int dflt, int *out)
{
    if (!name) {
        *out = dflt;
        return 0;
    }
    if (!strcmp(name, "dict")) {
        *out = -1;
        return 0;
    }
    int f = pith_format_from_name(name);
    if (f < 0) {
        char msg[128];
        snprintf(msg, sizeof msg, "unknown format '%.40s' (dict, text, markdown, json, html)", name);
        raise_invalid(st, msg);
        return -1;
    }
    *out = f;
    return 0;
}

/* Optional bool keyword: absent/None keeps *out. */
static int bool_arg(PyObject *o, int *out)
{
    if (!o || o == Py_None)
        return 0;
    int b = PyObject_IsTrue(o);
    if (b < 0)
        return -1;
    *out = b;
    return 0;
}

/* ---------------------------------------------------------- time */

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* n digits at *p as an int, advancing *p; -1 if they are not all digits. */
static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    return v;
}

/* ISO 8601 (YYYY-MM-DD, optional [T ]HH:MM[:SS[.frac]], optional Z or
 * +-HH[:MM]; no offset = UTC) or Unix seconds as digits. */
static int parse_iso_time(const char *s, int64_t *out)
{
    const char *p = s;
    if (*p >= '0' && *p <= '9') {
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            q++;
        if (!*q && q - p <= 18) {
            int64_t v = 0;
            for (; p < q; p++)
                v = v * 10 + (*p - '0');
            *out = v;
            return 0;
        }
    }
    int y = digits(&p, 4), mo, d, h = 0, mi = 0, se = 0;
    if (y < 0 || *p++ != '-' || (mo = digits(&p, 2)) < 0 || *p++ != '-' || (d = digits(&p, 2)) < 0)
        return -1;
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
        return -1;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return -1;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if ((h = digits(&p, 2)) < 0 || *p++ != ':' || (mi = digits(&p, 2)) < 0)
            return -1;
        if (*p == ':') {
            p++;
            if ((se = digits(&p, 2)) < 0)
                return -1;
            if (*p == '.' || *p == ',') {
                p++;
                if (*p < '0' || *p > '9')
                    return -1;
                while (*p >= '0' && *p <= '9')
                    p++;
            }
        }
        if (h > 23 || mi > 59 || se > 60)
            return -1;
    }
    int64_t off = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
        if ((oh = digits(&p, 2)) < 0)
            return -1;
        if (*p == ':')
            p++;
        if (*p && (om = digits(&p, 2)) < 0)
            return -1;
        if (oh > 23 || om > 59)
            return -1;
        off = sign * (oh * 3600 + om * 60);
    }
    if (*p)
        return -1;
    *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off;
    return 0;
}

/* ref_time: None (now), Unix seconds (int/float), ISO string, or a datetime
 * (naive = UTC, as the CLI reads an ISO time without offset). */
static int ref_time_arg(modstate *st, PyObject *o, int64_t *out)
{
    *out = 0;
    if (!o || o == Py_None)
        return 0;
    if (PyBool_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "ref_time must be a datetime, Unix seconds or an ISO string");
        return -1;
    }
    if (PyLong_Check(o)) {
        long long v = PyLong_AsLongLong(o);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0) {
            raise_invalid(st, "ref_time must not be negative");
            return -1;
        }
        *out = v;
        return 0;
    }
    if (PyFloat_Check(o)) {
        double v = PyFloat_AS_DOUBLE(o);
        if (!(v >= 0 && v < 9.2e18)) {
            raise_invalid(st, "ref_time is out of range");
            return -1;
        }
        *out = (int64_t)v;
        return 0;
    }
    if (PyUnicode_Check(o)) {
        const char *s = PyUnicode_AsUTF8(o);
        if (!s)
            return -1;
        if (parse_iso_time(s, out) || *out < 0) {
            char msg[160];
            snprintf(msg, sizeof msg, "ref_time: cannot read '%.60s' (ISO 8601 or Unix seconds)", s);
            raise_invalid(st, msg);
            return -1;
        }
        return 0;
    }
    if (PyObject_HasAttrString(o, "timestamp") && PyObject_HasAttrString(o, "tzinfo")) {
        PyObject *tz = PyObject_GetAttrString(o, "tzinfo");
        if (!tz)
            return -1;
        PyObject *dt = o;
        Py_INCREF(dt);
        if (tz == Py_None) {
            PyObject *args = PyTuple_New(0), *kw = Py_BuildValue("{sO}", "tzinfo", st->utc);
            PyObject *replace = PyObject_GetAttrString(o, "replace");
            Py_DECREF(dt);
            dt = args && kw && replace ? PyObject_Call(replace, args, kw) : NULL;
            Py_XDECREF(args);
            Py_XDECREF(kw);
            Py_XDECREF(replace);
        }
        Py_DECREF(tz);
        if (!dt)
            return -1;
        PyObject *ts = PyObject_CallMethod(dt, "timestamp", NULL);
        Py_DECREF(dt);
        if (!ts)
            return -1;
        double v = PyFloat_AsDouble(ts);
        Py_DECREF(ts);
        if (v == -1.0 && PyErr_Occurred())
            return -1;
        if (!(v >= 0 && v < 9.2e18)) {
            raise_invalid(st, "ref_time is before 1970 or out of range");
            return -1;
        }
        *out = (int64_t)v;
        return 0;
    }
    PyErr_SetString(PyExc_TypeError, "ref_time must be a datetime, Unix seconds or an ISO string");
    return -1;
}

/* ---------------------------------------------------------- doc → dict */

static PyObject *ustr(const char *s, size_t n)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
}

/* d[key] = s (or None when s is NULL); steals nothing. */
static int set_text(PyObject *d, PyObject *key, const char *s, size_t n)
{
    if (!s)
        return PyDict_SetItem(d, key, Py_None);
    PyObject *v = ustr(s, n);
    if (!v)
        return -1;
    int r = PyDict_SetItem(d, key, v);
    Py_DECREF(v);
    return r;
}

static int set_owned(PyObject *d, PyObject *key, PyObject *v)
{
    if (!v)
        return -1;
    int r = PyDict_SetItem(d, key, v);
    Py_DECREF(v);
    return r;
}

static int set_field(modstate *st, PyObject *d, const pith_doc *doc, pith_field f)
{
    size_t n = 0;
    const char *s = pith_doc_field(doc, f, &n);
    return set_text(d, st->k_field[f], s, n);
}

static int set_list(modstate *st, PyObject *d, const pith_doc *doc, pith_list l)
{
    size_t count = pith_doc_list_count(doc, l);
    PyObject *v = PyList_New((Py_ssize_t)count);
    if (!v)
        return -1;
    for (size_t i = 0; i < count; i++) {
        size_t n = 0;
        const char *s = pith_doc_list_item(doc, l, i, &n);
        PyObject *item = ustr(s ? s : "", s ? n : 0);
        if (!item) {
            Py_DECREF(v);
            return -1;
        }
        PyList_SET_ITEM(v, (Py_ssize_t)i, item);
    }
    return set_owned(d, st->k_list[l], v);
}

static PyObject *block_dict(modstate *st, const pith_block *b)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    if (PyDict_SetItem(d, st->k_kind, st->kind_names[b->kind]) < 0 ||
        (b->level && set_owned(d, st->k_level, PyLong_FromUnsignedLong(b->level)) < 0) ||
        ((b->flags & PITH_BLOCK_ORDERED) && PyDict_SetItem(d, st->k_ordered, Py_True) < 0) ||
        ((b->flags & PITH_BLOCK_HEADER) && PyDict_SetItem(d, st->k_header, Py_True) < 0) ||
        set_text(d, st->k_text, b->text ? b->text : "", b->text ? b->len : 0) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* The record as a dict with render_json's keys, in its order. */
static PyObject *doc_to_dict(modstate *st, const pith_doc *doc, int with_blocks)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    pith_status s = pith_doc_status(doc);
    if ((unsigned)s >= N_STATUS)
        s = PITH_EINTERNAL;
    if (s == PITH_OK) {
        if (PyDict_SetItem(d, st->k_status, st->s_ok) < 0)
            goto fail;
    } else {
        const char *m = pith_doc_message(doc);
        if (PyDict_SetItem(d, st->k_status, st->status_names[s]) < 0 ||
            PyDict_SetItem(d, st->k_error, st->status_names[s]) < 0 ||
            set_text(d, st->k_message, m ? m : "", m ? strlen(m) : 0) < 0)
            goto fail;
    }
    if (set_field(st, d, doc, PITH_FIELD_URL) || set_field(st, d, doc, PITH_FIELD_TITLE) ||
        set_list(st, d, doc, PITH_LIST_AUTHORS) || set_field(st, d, doc, PITH_FIELD_PUBLISHED) ||
        set_field(st, d, doc, PITH_FIELD_MODIFIED) || set_field(st, d, doc, PITH_FIELD_SECTION) ||
        set_list(st, d, doc, PITH_LIST_TAGS) || set_field(st, d, doc, PITH_FIELD_SITE_NAME) ||
        set_field(st, d, doc, PITH_FIELD_LANGUAGE) || set_field(st, d, doc, PITH_FIELD_LEAD) ||
        set_field(st, d, doc, PITH_FIELD_CANONICAL_URL) || set_field(st, d, doc, PITH_FIELD_IMAGE) ||
        set_list(st, d, doc, PITH_LIST_SOURCES) || set_field(st, d, doc, PITH_FIELD_CHARSET))
        goto fail;
    size_t tn = 0;
    const char *text = pith_doc_text(doc, &tn);
    if (set_text(d, st->k_text, text ? text : "", text ? tn : 0) < 0)
        goto fail;

    /* field_sources: fields with a value and a source (not url/charset), then lists */
    PyObject *fs = PyDict_New();
    if (!fs || PyDict_SetItem(d, st->k_field_sources, fs) < 0) {
        Py_XDECREF(fs);
        goto fail;
    }
    Py_DECREF(fs); /* d keeps it alive */
    for (int f = 0; f < PITH_FIELD_COUNT; f++) {
        if (f == PITH_FIELD_URL || f == PITH_FIELD_CHARSET || !pith_doc_field(doc, (pith_field)f, NULL))
            continue;
        const char *src = pith_doc_field_source(doc, (pith_field)f);
        if (src && set_text(fs, st->k_field[f], src, strlen(src)) < 0)
            goto fail;
    }
    for (int l = 0; l < PITH_LIST_COUNT; l++) {
        if (!pith_doc_list_count(doc, (pith_list)l))
            continue;
        const char *src = pith_doc_list_source(doc, (pith_list)l);
        if (src && set_text(fs, st->k_list[l], src, strlen(src)) < 0)
            goto fail;
    }

    /* blocks (body part) and comments (text of comment blocks) */
    size_t nb = pith_doc_block_count(doc);
    PyObject *blocks = NULL, *comments = PyList_New(0);
    if (!comments)
        goto fail;
    if (with_blocks && !(blocks = PyList_New(0))) {
        Py_DECREF(comments);
        goto fail;
    }
    for (size_t i = 0; i < nb; i++) {
        pith_block b;
        if (pith_doc_block(doc, i, &b) != PITH_OK || (unsigned)b.kind >= PITH_BLOCK_KIND_COUNT)
            continue;
        PyObject *item = NULL;
        PyObject *into = NULL;
        if (b.part == PITH_PART_COMMENTS) {
            item = ustr(b.text ? b.text : "", b.text ? b.len : 0);
            into = comments;
        } else if (b.part == PITH_PART_BODY && blocks) {
            item = block_dict(st, &b);
            into = blocks;
        } else {
            continue;
        }
        if (!item || PyList_Append(into, item) < 0) {
            Py_XDECREF(item);
            Py_XDECREF(blocks);
            Py_DECREF(comments);
            goto fail;
        }
        Py_DECREF(item);
    }
    if ((blocks && set_owned(d, st->k_blocks, blocks) < 0) || set_owned(d, st->k_comments, comments) < 0)
        goto fail;
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* ---------------------------------------------------------- extraction */

/* One extraction: what to read and what to hand back. */
typedef struct call {
    const char *url, *charset;
    int64_t ref_time;
    pith_input_kind kind;
    int format;          /* -1 = dict, else pith_format */
    unsigned rflags;     /* PITH_RENDER_* */
    int raise_on_error;
} call;

/* Extract html (bytes-like or str) with an extractor from pool (or a new one
 * built with opt when pool is NULL). GIL released during the C work. */
static PyObject *run_extract(modstate *st, expool *pool, const pith_options *opt, PyObject *html,
                             const call *c)
{
    Py_buffer view;
    int have_view = 0;
    PyObject *tmp = NULL;
    const char *data;
    Py_ssize_t len;
    const char *charset = c->charset;
    if (PyUnicode_Check(html)) {
        data = PyUnicode_AsUTF8AndSize(html, &len);
        if (!data) {
            /* lone surrogates: pass them through; the library turns them into U+FFFD */
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
                return NULL;
            PyErr_Clear();
            tmp = PyUnicode_AsEncodedString(html, "utf-8", "surrogatepass");
            if (!tmp)
                return NULL;
            data = PyBytes_AS_STRING(tmp);
            len = PyBytes_GET_SIZE(tmp);
        }
        charset = "utf-8"; /* the text is already decoded: its UTF-8 bytes are the page */
    } else {
        if (PyObject_GetBuffer(html, &view, PyBUF_SIMPLE) < 0) {
            PyErr_Format(PyExc_TypeError, "page must be bytes-like or str, not %.80s", Py_TYPE(html)->tp_name);
            return NULL;
        }
        have_view = 1;
        data = (const char *)view.buf;
        len = view.len;
    }
    PyObject *result = NULL;
    pith_extractor *ex = pool_take(st, pool, pool ? &pool->opt : opt);
    if (!ex)
        goto done;
    pith_input in;
    memset(&in, 0, sizeof in);
    in.data = data;
    in.len = (size_t)len;
    in.url = c->url;
    in.charset = charset;
    in.ref_time = c->ref_time;
    in.kind = c->kind;
    pith_doc *doc = NULL;
    char *out = NULL;
    size_t out_len = 0;
    pith_status s;
    Py_BEGIN_ALLOW_THREADS
    s = pith_extract(ex, &in, &doc);
    if (doc && c->format >= 0 && s != PITH_ENOMEM && s != PITH_EINVAL)
        out = pith_render_string(doc, (pith_format)c->format, c->rflags, &out_len);
    Py_END_ALLOW_THREADS
    pool_give(pool, ex);
    if (!doc || s == PITH_ENOMEM || s == PITH_EINVAL) {
        raise_status(st, s, doc ? pith_doc_message(doc) : NULL, NULL);
    } else if (c->format < 0) {
        result = doc_to_dict(st, doc, !(c->rflags & PITH_RENDER_NO_BLOCKS));
    } else if (!out) {
        raise_status(st, PITH_ENOMEM, "rendering failed", NULL);
    } else {
        result = ustr(out, out_len);
    }
    if (result && c->raise_on_error && s != PITH_OK) {
        raise_status(st, s, pith_doc_message(doc), result);
        Py_CLEAR(result);
    }
    pith_free(out);
    pith_doc_free(doc);
done:
    if (have_view)
        PyBuffer_Release(&view);
    Py_XDECREF(tmp);
    return result;
}

/* Module-level extract()/extract_text(): every option per call. */
static PyObject *module_extract(PyObject *module, PyObject *args, PyObject *kw, pith_input_kind kind)
{
    modstate *st = state_of(module);
    static char *kwlist[] = {"html", "url", "format", "comments", "ref_time", "charset", "precision",
                             "recall", "metadata", "strict_limits", "blocks", "title",
                             "max_bytes", "max_depth", "max_nodes", "max_attrs", "max_formatting",
                             "timeout_ms", "max_memory", "raise_on_error", NULL};
    PyObject *html, *ref_time = NULL;
    const char *url = NULL, *charset = NULL, *format = NULL;
    int blocks = 1, title = 1, raise_on_error = 0;
    optargs a;
    optargs_init(&a);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|z$zpOzpppppp" "OOOOOOOp", kwlist, &html, &url, &format,
                                     &a.comments, &ref_time, &charset, &a.precision, &a.recall,
                                     &a.metadata, &a.strict_limits, &blocks, &title,
                                     &a.max_bytes, &a.max_depth, &a.max_nodes, &a.max_attrs,
                                     &a.max_formatting, &a.timeout_ms, &a.max_memory, &raise_on_error))
        return NULL;
    pith_options opt;
    call c;
    memset(&c, 0, sizeof c);
    if (build_options(st, &a, &opt) || format_arg(st, format, -1, &c.format) ||
        ref_time_arg(st, ref_time, &c.ref_time))
        return NULL;
    c.url = url;
    c.charset = charset;
    c.kind = kind;
    c.raise_on_error = raise_on_error;
    c.rflags = (blocks ? 0 : PITH_RENDER_NO_BLOCKS) | (title ? 0 : PITH_RENDER_NO_TITLE) |
               (a.comments ? PITH_RENDER_COMMENTS : 0);
    expool *pool = module_pool(st, &opt, 0);
    if (!pool) {
        /* a new option set: claim a slot only once the options proved valid */
        pith_extractor *ex = new_extractor(st, &opt);
        if (!ex)
            return NULL;
        pool = module_pool(st, &opt, 1);
        pool_give(pool, ex);
    }
    return run_extract(st, pool, &opt, html, &c);
}

#define EXTRACT_SIG                                                                                    \
    "(html, url=None, *, format='dict', comments=False, ref_time=None, charset=None, "                 \
    "precision=False, recall=False, metadata=True, strict_limits=False, blocks=True, "     \
    "title=True, max_bytes=None, max_depth=None, max_nodes=None, max_attrs=None, "                     \
    "max_formatting=None, timeout_ms=None, max_memory=None, raise_on_error=False)\n--\n\n"

PyDoc_STRVAR(extract_doc,
"extract" EXTRACT_SIG
"Extract the article from one HTML page.\n\n"
"html is the page: bytes in any charset (sniffed like a browser: BOM, then the\n"
"charset argument as an HTTP header would give it, then <meta>), or a str\n"
"(already decoded; charset is then ignored). url helps metadata and dates.\n"
"format: 'dict' (default) gives a dict with exactly the keys of the CLI's JSON\n"
"record (status, url, title, authors, published, modified, section, tags,\n"
"site_name, language, lead, canonical_url, image, sources, charset, text,\n"
"field_sources, blocks, comments; plus error and message when the page\n"
"failed); 'json' gives that record as one JSON line; 'text', 'markdown' and\n"
"'html' give the rendered article as str.\n"
"ref_time (datetime, Unix seconds or ISO 8601 string; naive = UTC) anchors\n"
"relative dates; None = now. The max_*/timeout_ms limits default to the\n"
"library's. Content errors (no content, too big, timeout, unknown charset)\n"
"come back in the record's 'error' member; with raise_on_error=True they\n"
"raise the matching pith.Error subclass instead. Invalid arguments raise\n"
"InvalidArgumentError, allocation failure OutOfMemoryError.");

static PyObject *py_extract(PyObject *module, PyObject *args, PyObject *kw)
{
    return module_extract(module, args, kw, PITH_INPUT_HTML);
}

PyDoc_STRVAR(extract_text_doc,
"extract_text" EXTRACT_SIG
"Extract the article from the plain text of one page, as a scraper, a WET\n"
"record or 'w3m -dump' saved it (the library's text mode). Same arguments\n"
"and result as extract(); text may be str or bytes.");

static PyObject *py_extract_text(PyObject *module, PyObject *args, PyObject *kw)
{
    return module_extract(module, args, kw, PITH_INPUT_TEXT);
}

/* ---------------------------------------------------------- Extractor */

typedef struct ExtractorObject {
    PyObject_HEAD
    expool pool;        /* idle C extractors; pool.opt = the options */
    int format;         /* default format: -1 = dict */
    unsigned rflags;    /* default render flags */
    int raise_on_error; /* default */
    PyObject *options;  /* dict of the keywords as normalised (repr, pickling) */
} ExtractorObject;

static PyObject *extractor_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    modstate *st = state_of_type(type);
    static char *kwlist[] = {"comments", "precision", "recall", "metadata", "strict_limits",
                             "max_bytes", "max_depth", "max_nodes", "max_attrs", "max_formatting",
                             "timeout_ms", "max_memory", "format", "blocks", "title", "raise_on_error",
                             NULL};
    optargs a;
    optargs_init(&a);
    const char *format = NULL;
    int blocks = 1, title = 1, raise_on_error = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|$ppppp" "OOOOOOOzppp:Extractor", kwlist, &a.comments,
                                     &a.precision, &a.recall, &a.metadata, &a.strict_limits,
                                     &a.max_bytes, &a.max_depth, &a.max_nodes, &a.max_attrs,
                                     &a.max_formatting, &a.timeout_ms, &a.max_memory, &format, &blocks,
                                     &title, &raise_on_error))
        return NULL;
    pith_options opt;
    int fmt;
    if (build_options(st, &a, &opt) || format_arg(st, format, -1, &fmt))
        return NULL;
    /* validate now: a bad option fails here, not at the first page */
    pith_extractor *first = new_extractor(st, &opt);
    if (!first)
        return NULL;
    ExtractorObject *self = (ExtractorObject *)type->tp_alloc(type, 0);
    if (!self) {
        pith_extractor_free(first);
        return NULL;
    }
    if (pool_init(&self->pool, &opt)) {
        pith_extractor_free(first);
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->pool.items[self->pool.n++] = first;
    self->format = fmt;
    self->raise_on_error = raise_on_error;
    self->rflags = (blocks ? 0 : PITH_RENDER_NO_BLOCKS) | (title ? 0 : PITH_RENDER_NO_TITLE) |
                   (a.comments ? PITH_RENDER_COMMENTS : 0);
    self->options = Py_BuildValue(
        "{sNsNsNsNsNsKsIsIsIsIsIsKszsNsNsN}", "comments", PyBool_FromLong(a.comments), "precision",
        PyBool_FromLong(a.precision), "recall", PyBool_FromLong(a.recall), "metadata",
        PyBool_FromLong(a.metadata), "strict_limits",
        PyBool_FromLong(a.strict_limits), "max_bytes", (unsigned long long)opt.max_bytes, "max_depth",
        opt.max_depth, "max_nodes", opt.max_nodes, "max_attrs", opt.max_attrs, "max_formatting",
        opt.max_formatting, "timeout_ms", opt.time_budget_ms, "max_memory",
        (unsigned long long)opt.max_memory, "format", format ? format : "dict", "blocks",
        PyBool_FromLong(blocks), "title", PyBool_FromLong(title), "raise_on_error",
        PyBool_FromLong(raise_on_error));
    if (!self->options) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void extractor_dealloc(PyObject *o)
{
    ExtractorObject *self = (ExtractorObject *)o;
    PyTypeObject *tp = Py_TYPE(o);
    pool_clear(&self->pool);
    Py_XDECREF(self->options);
    tp->tp_free(o);
    Py_DECREF(tp);
}

static PyObject *extractor_call(ExtractorObject *self, PyObject *args, PyObject *kw, pith_input_kind kind)
{
    modstate *st = state_of_type(Py_TYPE(self));
    static char *kwlist[] = {"html", "url", "format", "ref_time", "charset", "blocks", "title",
                             "raise_on_error", NULL};
    PyObject *html, *ref_time = NULL, *blocks = NULL, *title = NULL, *roe = NULL;
    const char *url = NULL, *charset = NULL, *format = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|z$zOzOOO", kwlist, &html, &url, &format, &ref_time,
                                     &charset, &blocks, &title, &roe))
        return NULL;
    call c;
    memset(&c, 0, sizeof c);
    c.url = url;
    c.charset = charset;
    c.kind = kind;
    c.raise_on_error = self->raise_on_error;
    int b = !(self->rflags & PITH_RENDER_NO_BLOCKS), t = !(self->rflags & PITH_RENDER_NO_TITLE);
    if (format_arg(st, format, self->format, &c.format) || ref_time_arg(st, ref_time, &c.ref_time) ||
        bool_arg(blocks, &b) || bool_arg(title, &t) || bool_arg(roe, &c.raise_on_error))
        return NULL;
    c.rflags = (self->rflags & PITH_RENDER_COMMENTS) | (b ? 0 : PITH_RENDER_NO_BLOCKS) |
               (t ? 0 : PITH_RENDER_NO_TITLE);
    return run_extract(st, &self->pool, NULL, html, &c);
}

#define METHOD_SIG                                                                                     \
    "($self, html, url=None, *, format=None, ref_time=None, charset=None, blocks=None, "            \
    "title=None, raise_on_error=None)\n--\n\n"

PyDoc_STRVAR(extractor_extract_doc,
"extract" METHOD_SIG
"Extract one HTML page with this extractor's options; see pith.extract().\n"
"format, blocks, title and raise_on_error default to the values given to the\n"
"Extractor. Safe to call from many threads at once: each call borrows its own\n"
"C extractor and runs without the GIL.");

static PyObject *extractor_extract(PyObject *self, PyObject *args, PyObject *kw)
{
    return extractor_call((ExtractorObject *)self, args, kw, PITH_INPUT_HTML);
}

PyDoc_STRVAR(extractor_extract_text_doc,
"extract_text" METHOD_SIG
"Extract the article from the plain text of one page (text mode); see\n"
"pith.extract_text().");

static PyObject *extractor_extract_text(PyObject *self, PyObject *args, PyObject *kw)
{
    return extractor_call((ExtractorObject *)self, args, kw, PITH_INPUT_TEXT);
}

static PyObject *extractor_get_options(PyObject *self, void *closure)
{
    (void)closure;
    return PyDict_Copy(((ExtractorObject *)self)->options);
}

static PyObject *extractor_get_idle(PyObject *self, void *closure)
{
    (void)closure;
    ExtractorObject *e = (ExtractorObject *)self;
    PyThread_acquire_lock(e->pool.lock, WAIT_LOCK);
    size_t n = e->pool.n;
    PyThread_release_lock(e->pool.lock);
    return PyLong_FromSize_t(n);
}

static PyObject *extractor_repr(PyObject *self)
{
    return PyUnicode_FromFormat("pith.Extractor(**%R)", ((ExtractorObject *)self)->options);
}

/* Pickling: rebuilt from the options dict (C extractors are not copied). */
static PyObject *extractor_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *mod = PyType_GetModule(Py_TYPE(self));
    if (!mod)
        return NULL;
    PyObject *fn = PyObject_GetAttrString(mod, "_extractor_from_options");
    if (!fn)
        return NULL;
    return Py_BuildValue("(N(O))", fn, ((ExtractorObject *)self)->options);
}

static PyMethodDef extractor_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))extractor_extract, METH_VARARGS | METH_KEYWORDS,
     extractor_extract_doc},
    {"extract_text", (PyCFunction)(void (*)(void))extractor_extract_text, METH_VARARGS | METH_KEYWORDS,
     extractor_extract_text_doc},
    {"__reduce__", extractor_reduce, METH_NOARGS, "Pickle support: rebuilt from its options."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef extractor_getset[] = {
    {"options", extractor_get_options, NULL, "The options this extractor was built with (a copy).", NULL},
    {"idle", extractor_get_idle, NULL,
     "How many C extractors are idle in the pool (about the peak number of threads that used it).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(extractor_doc,
"Extractor(*, comments=False, precision=False, recall=False, metadata=True, "
"strict_limits=False, max_bytes=None, max_depth=None, max_nodes=None, max_attrs=None, "
"max_formatting=None, timeout_ms=None, max_memory=None, format='dict', blocks=True, title=True, "
"raise_on_error=False)\n--\n\n"
"A reusable, thread-safe extractor with fixed options.\n\n"
"Options are checked at construction (InvalidArgumentError). Every call of\n"
"extract()/extract_text() borrows a C extractor from a small pool (one per\n"
"concurrent thread) and runs with the GIL released, so threads scale.\n"
"format, blocks, title and raise_on_error are defaults a call may override.");

static PyType_Slot extractor_slots[] = {
    {Py_tp_new, extractor_new},
    {Py_tp_dealloc, extractor_dealloc},
    {Py_tp_methods, extractor_methods},
    {Py_tp_getset, extractor_getset},
    {Py_tp_repr, extractor_repr},
    {Py_tp_doc, (void *)extractor_doc},
    {0, NULL},
};

static PyType_Spec extractor_spec = {
    "pith.Extractor", sizeof(ExtractorObject), 0, Py_TPFLAGS_DEFAULT, extractor_slots,
};

PyDoc_STRVAR(extractor_from_options_doc,
"_extractor_from_options($module, options, /)\n--\n\n"
"Rebuild an Extractor from its options dict (used by pickle).");

static PyObject *py_extractor_from_options(PyObject *module, PyObject *options)
{
    modstate *st = state_of(module);
    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return NULL;
    }
    PyObject *args = PyTuple_New(0);
    if (!args)
        return NULL;
    PyObject *r = PyObject_Call(st->extractor_type, args, options);
    Py_DECREF(args);
    return r;
}

/* ---------------------------------------------------------- WARC */

typedef struct WarcObject {
    PyObject_HEAD
#if PITH_PY_HAVE_WARC
    pith_warc *w;   /* NULL once closed */
#endif
    int busy;       /* a thread is inside pith_warc_next (GIL released) */
} WarcObject;

#if PITH_PY_HAVE_WARC
static PyObject *warc_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    modstate *st = state_of_type(type);
    static char *kwlist[] = {"source", "max_payload", NULL};
    PyObject *source;
    Py_ssize_t max_payload = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|n:WarcReader", kwlist, &source, &max_payload))
        return NULL;
    if (max_payload < 0) {
        raise_invalid(st, "max_payload must not be negative");
        return NULL;
    }
    pith_warc *w = NULL;
    pith_status s;
    int err = 0;
    PyObject *path = NULL;
    if (PyLong_Check(source) && !PyBool_Check(source)) {
        long lfd = PyLong_AsLong(source);
        if (lfd == -1 && PyErr_Occurred())
            return NULL;
        if (lfd < 0 || lfd > INT_MAX) {
            raise_invalid(st, "file descriptor out of range");
            return NULL;
        }
        int fd = (int)lfd;
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        s = pith_warc_open_fd(fd, (size_t)max_payload, &w);
        err = errno;
        Py_END_ALLOW_THREADS
    } else {
        if (!PyUnicode_FSConverter(source, &path))
            return NULL;
        const char *p = PyBytes_AS_STRING(path);
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        s = pith_warc_open_path(p, (size_t)max_payload, &w);
        err = errno;
        Py_END_ALLOW_THREADS
    }
    if (s != PITH_OK || !w) {
        char msg[600];
        if (path)
            snprintf(msg, sizeof msg, "cannot open WARC '%.400s': %s", PyBytes_AS_STRING(path),
                     err ? strerror(err) : pith_status_message(s));
        else
            snprintf(msg, sizeof msg, "cannot open WARC: %s", err ? strerror(err) : pith_status_message(s));
        Py_XDECREF(path);
        raise_status_errno(st, s == PITH_OK ? PITH_EIO : s, msg, NULL, err);
        return NULL;
    }
    Py_XDECREF(path);
    WarcObject *self = (WarcObject *)type->tp_alloc(type, 0);
    if (!self) {
        pith_warc_close(w);
        return NULL;
    }
    self->w = w;
    return (PyObject *)self;
}

static void warc_dealloc(PyObject *o)
{
    WarcObject *self = (WarcObject *)o;
    PyTypeObject *tp = Py_TYPE(o);
    pith_warc_close(self->w);
    tp->tp_free(o);
    Py_DECREF(tp);
}

static int put_str(PyObject *d, const char *key, const char *s)
{
    if (!s)
        s = "";
    PyObject *v = ustr(s, strlen(s));
    if (!v)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static int put_obj(PyObject *d, const char *key, PyObject *v)
{
    if (!v)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static PyObject *record_dict(const pith_warc_record *r)
{
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    if (put_str(d, "type", r->type) || put_str(d, "target_uri", r->target_uri) ||
        put_str(d, "record_id", r->record_id) || put_str(d, "date", r->date) ||
        put_obj(d, "date_unix", PyLong_FromLongLong((long long)r->date_unix)) ||
        put_obj(d, "http_status", PyLong_FromLong(r->http_status)) ||
        put_str(d, "content_type", r->content_type) || put_str(d, "charset", r->charset) ||
        put_obj(d, "payload",
                PyBytes_FromStringAndSize(r->payload_len ? (const char *)r->payload : "",
                                          (Py_ssize_t)r->payload_len)) ||
        put_obj(d, "offset", PyLong_FromUnsignedLongLong((unsigned long long)r->offset)) ||
        put_obj(d, "truncated", PyBool_FromLong(r->truncated)) ||
        (r->error ? put_str(d, "error", r->error) : PyDict_SetItemString(d, "error", Py_None))) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *warc_iternext(PyObject *o)
{
    WarcObject *self = (WarcObject *)o;
    modstate *st = state_of_type(Py_TYPE(o));
    if (!self->w)
        return NULL; /* closed: StopIteration */
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "WarcReader is being read by another thread");
        return NULL;
    }
    self->busy = 1;
    pith_warc_record rec;
    memset(&rec, 0, sizeof rec);
    int r;
    pith_warc *w = self->w;
    Py_BEGIN_ALLOW_THREADS
    r = pith_warc_next(w, &rec);
    Py_END_ALLOW_THREADS
    self->busy = 0;
    if (r == 0)
        return NULL;
    if (r < 0) {
        /* the reader cannot go on: raise with what it knew of the record, then stop */
        PyObject *d = record_dict(&rec);
        if (d && !rec.error)
            PyDict_SetItemString(d, "error", st->k_read_error);
        if (d)
            raise_status(st, PITH_EIO, rec.error ? rec.error : "read error", d);
        Py_XDECREF(d);
        pith_warc_close(self->w);
        self->w = NULL;
        return NULL;
    }
    return record_dict(&rec);
}

static PyObject *warc_close(PyObject *o, PyObject *unused)
{
    (void)unused;
    WarcObject *self = (WarcObject *)o;
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "WarcReader is being read by another thread");
        return NULL;
    }
    pith_warc_close(self->w);
    self->w = NULL;
    Py_RETURN_NONE;
}

static PyObject *warc_get_bytes_read(PyObject *o, void *closure)
{
    (void)closure;
    WarcObject *self = (WarcObject *)o;
    return PyLong_FromUnsignedLongLong(self->w ? (unsigned long long)pith_warc_bytes_read(self->w) : 0ULL);
}
#else
static PyObject *warc_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    (void)type;
    (void)args;
    (void)kw;
    PyErr_SetString(PyExc_NotImplementedError, "this build of libpith has no WARC reader");
    return NULL;
}

static void warc_dealloc(PyObject *o)
{
    PyTypeObject *tp = Py_TYPE(o);
    tp->tp_free(o);
    Py_DECREF(tp);
}

static PyObject *warc_iternext(PyObject *o)
{
    (void)o;
    return NULL;
}

static PyObject *warc_close(PyObject *o, PyObject *unused)
{
    (void)o;
    (void)unused;
    Py_RETURN_NONE;
}

static PyObject *warc_get_bytes_read(PyObject *o, void *closure)
{
    (void)o;
    (void)closure;
    return PyLong_FromLong(0);
}
#endif

static PyObject *warc_enter(PyObject *o, PyObject *unused)
{
    (void)unused;
    Py_INCREF(o);
    return o;
}

static PyObject *warc_exit(PyObject *o, PyObject *args)
{
    (void)args;
    return warc_close(o, NULL);
}

static PyMethodDef warc_methods[] = {
    {"close", warc_close, METH_NOARGS, "close($self, /)\n--\n\nClose the file; iteration then stops."},
    {"__enter__", warc_enter, METH_NOARGS, "Context manager: returns the reader."},
    {"__exit__", warc_exit, METH_VARARGS, "Context manager: closes the reader."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef warc_getset[] = {
    {"bytes_read", warc_get_bytes_read, NULL, "Compressed bytes consumed so far.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(warc_doc,
"WarcReader(source, max_payload=0)\n--\n\n"
"Iterate over the records of a WARC file (plain, gzip per record or whole\n"
"file, zstd). source is a path (str, bytes, os.PathLike; '-' = stdin) or an\n"
"open file descriptor (int, not closed by the reader). Each record is a dict:\n"
"type, target_uri, record_id, date, date_unix, http_status, content_type,\n"
"charset, payload (bytes, HTTP de-chunked and decompressed), offset,\n"
"truncated, error (None, or why the record is broken; the reader goes on at\n"
"the next record). A read error that stops the reader raises ReadError, whose\n"
"record attribute holds what was known of the record; iteration then ends.\n"
"Reading releases the GIL.");

static PyType_Slot warc_slots[] = {
    {Py_tp_new, warc_new},
    {Py_tp_dealloc, warc_dealloc},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, warc_iternext},
    {Py_tp_methods, warc_methods},
    {Py_tp_getset, warc_getset},
    {Py_tp_doc, (void *)warc_doc},
    {0, NULL},
};

static PyType_Spec warc_spec = {
    "pith.WarcReader", sizeof(WarcObject), 0, Py_TPFLAGS_DEFAULT, warc_slots,
};

/* ---------------------------------------------------------- module */

PyDoc_STRVAR(status_name_doc,
"status_name($module, status, /)\n--\n\n"
"The symbolic name of a pith status code (3 -> 'PITH_ETOOBIG').");

static PyObject *py_status_name(PyObject *module, PyObject *arg)
{
    (void)module;
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(pith_status_name((pith_status)v));
}

PyDoc_STRVAR(error_json_doc,
"error_json($module, status, message=None, url=None)\n--\n\n"
"The library's JSON error record for an input that gave no doc:\n"
"{\"status\":\"PITH_E...\",\"error\":...,\"message\":...,\"url\":...} (pith_error_json).\n"
"message None = the status's own sentence.");

static PyObject *py_error_json(PyObject *module, PyObject *args, PyObject *kw)
{
    modstate *st = state_of(module);
    static char *kwlist[] = {"status", "message", "url", NULL};
    int status;
    const char *message = NULL, *url = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|zz:error_json", kwlist, &status, &message, &url))
        return NULL;
    if (status <= PITH_OK || status >= N_STATUS) {
        raise_invalid(st, "status must be a pith error status (1..10)");
        return NULL;
    }
    char *js = pith_error_json((pith_status)status, message, url, NULL);
    if (!js)
        return PyErr_NoMemory();
    PyObject *r = ustr(js, strlen(js));
    pith_free(js);
    return r;
}

static PyMethodDef module_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))py_extract, METH_VARARGS | METH_KEYWORDS, extract_doc},
    {"extract_text", (PyCFunction)(void (*)(void))py_extract_text, METH_VARARGS | METH_KEYWORDS,
     extract_text_doc},
    {"status_name", py_status_name, METH_O, status_name_doc},
    {"error_json", (PyCFunction)(void (*)(void))py_error_json, METH_VARARGS | METH_KEYWORDS, error_json_doc},
    {"_extractor_from_options", py_extractor_from_options, METH_O, extractor_from_options_doc},
    {NULL, NULL, 0, NULL},
};

/* Exception classes: name, extra builtin base, docstring; index = status. */
static const struct {
    const char *name;
    const char *doc;
} ERRORS[N_STATUS] = {
    {NULL, NULL},
    {"pith.OutOfMemoryError", "PITH_ENOMEM: allocation failed or the per-page memory limit was hit."},
    {"pith.InvalidArgumentError", "PITH_EINVAL: an invalid argument or option value (also a ValueError)."},
    {"pith.TooBigError", "PITH_ETOOBIG: the input is larger than max_bytes."},
    {"pith.TooDeepError", "PITH_ETOODEEP: a structural limit was exceeded (strict_limits)."},
    {"pith.ExtractTimeoutError", "PITH_ETIMEOUT: the per-page work budget (timeout_ms) ran out."},
    {"pith.CharsetError", "PITH_ECHARSET: the charset named by the caller is unknown (also a LookupError)."},
    {"pith.NoContentError", "PITH_ENOCONTENT: the page has no main content."},
    {"pith.ParseError", "PITH_EPARSE: the input could not be parsed at all."},
    {"pith.InternalError", "PITH_EINTERNAL: a bug in pith; please report it."},
    {"pith.ReadError", "PITH_EIO: reading an input (a WARC file) failed (also an OSError)."},
};

static int add_interned(PyObject **slot, const char *s)
{
    *slot = PyUnicode_InternFromString(s);
    return *slot ? 0 : -1;
}

static int module_exec(PyObject *m)
{
    modstate *st = state_of(m);
    st->pools_lock = PyThread_allocate_lock();
    st->pools = PyMem_Calloc(N_MODULE_POOLS, sizeof(expool));
    if (!st->pools_lock || !st->pools) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = 0; i < N_MODULE_POOLS; i++)
        if (pool_init(&st->pools[i], NULL)) {
            PyErr_NoMemory();
            return -1;
        }

    st->error_base = PyErr_NewExceptionWithDoc(
        "pith.Error",
        "Base of pith's errors. Attributes: status (int, the pith_status), name\n"
        "('PITH_ETOOBIG'), message (the library's explanation) and record (the\n"
        "partial result when raised by raise_on_error=True, else None).",
        PyExc_Exception, NULL);
    if (!st->error_base || PyModule_AddObjectRef(m, "Error", st->error_base) < 0)
        return -1;
    for (int s = 1; s < N_STATUS; s++) {
        PyObject *extra = s == PITH_ENOMEM ? PyExc_MemoryError
                        : s == PITH_EINVAL ? PyExc_ValueError
                        : s == PITH_ECHARSET ? PyExc_LookupError
                        : s == PITH_EIO ? PyExc_OSError : NULL;
        PyObject *bases = extra ? PyTuple_Pack(2, st->error_base, extra) : PyTuple_Pack(1, st->error_base);
        if (!bases)
            return -1;
        st->errors[s] = PyErr_NewExceptionWithDoc(ERRORS[s].name, ERRORS[s].doc, bases, NULL);
        Py_DECREF(bases);
        if (!st->errors[s] || PyModule_AddObjectRef(m, strchr(ERRORS[s].name, '.') + 1, st->errors[s]) < 0)
            return -1;
        if (add_interned(&st->status_names[s], pith_status_name((pith_status)s)))
            return -1;
    }
    if (add_interned(&st->status_names[0], pith_status_name(PITH_OK)) || add_interned(&st->s_ok, "ok"))
        return -1;
    for (int f = 0; f < PITH_FIELD_COUNT; f++)
        if (add_interned(&st->k_field[f], pith_field_name((pith_field)f)))
            return -1;
    for (int l = 0; l < PITH_LIST_COUNT; l++)
        if (add_interned(&st->k_list[l], pith_list_name((pith_list)l)))
            return -1;
    for (int k = 0; k < PITH_BLOCK_KIND_COUNT; k++)
        if (add_interned(&st->kind_names[k], KIND_NAMES[k]))
            return -1;
    if (add_interned(&st->k_status, "status") || add_interned(&st->k_error, "error") ||
        add_interned(&st->k_message, "message") || add_interned(&st->k_text, "text") ||
        add_interned(&st->k_field_sources, "field_sources") || add_interned(&st->k_blocks, "blocks") ||
        add_interned(&st->k_comments, "comments") || add_interned(&st->k_kind, "kind") ||
        add_interned(&st->k_level, "level") || add_interned(&st->k_ordered, "ordered") ||
        add_interned(&st->k_header, "header") || add_interned(&st->k_read_error, "read error"))
        return -1;

    PyObject *dt = PyImport_ImportModule("datetime");
    if (!dt)
        return -1;
    PyObject *tz = PyObject_GetAttrString(dt, "timezone");
    Py_DECREF(dt);
    if (!tz)
        return -1;
    st->utc = PyObject_GetAttrString(tz, "utc");
    Py_DECREF(tz);
    if (!st->utc)
        return -1;

    st->extractor_type = PyType_FromModuleAndSpec(m, &extractor_spec, NULL);
    if (!st->extractor_type || PyModule_AddObjectRef(m, "Extractor", st->extractor_type) < 0)
        return -1;
    st->warc_type = PyType_FromModuleAndSpec(m, &warc_spec, NULL);
    if (!st->warc_type || PyModule_AddObjectRef(m, "WarcReader", st->warc_type) < 0)
        return -1;
    if (PyModule_AddStringConstant(m, "__version__", pith_version_string()) < 0 ||
        PyModule_AddIntConstant(m, "VERSION", (long)pith_version()) < 0 ||
        PyModule_AddObjectRef(m, "HAVE_WARC", PITH_PY_HAVE_WARC ? Py_True : Py_False) < 0)
        return -1;
    return 0;
}

static int module_traverse(PyObject *m, visitproc visit, void *arg)
{
    modstate *st = state_of(m);
    if (!st)
        return 0;
    Py_VISIT(st->error_base);
    for (int s = 0; s < N_STATUS; s++)
        Py_VISIT(st->errors[s]);
    Py_VISIT(st->extractor_type);
    Py_VISIT(st->warc_type);
    Py_VISIT(st->utc);
    return 0;
}

static int module_clear(PyObject *m)
{
    modstate *st = state_of(m);
    if (!st)
        return 0;
    Py_CLEAR(st->error_base);
    for (int s = 0; s < N_STATUS; s++) {
        Py_CLEAR(st->errors[s]);
        Py_CLEAR(st->status_names[s]);
    }
    for (int f = 0; f < PITH_FIELD_COUNT; f++)
        Py_CLEAR(st->k_field[f]);
    for (int l = 0; l < PITH_LIST_COUNT; l++)
        Py_CLEAR(st->k_list[l]);
    for (int k = 0; k < PITH_BLOCK_KIND_COUNT; k++)
        Py_CLEAR(st->kind_names[k]);
    Py_CLEAR(st->s_ok);
    Py_CLEAR(st->k_status);
    Py_CLEAR(st->k_error);
    Py_CLEAR(st->k_message);
    Py_CLEAR(st->k_text);
    Py_CLEAR(st->k_field_sources);
    Py_CLEAR(st->k_blocks);
    Py_CLEAR(st->k_comments);
    Py_CLEAR(st->k_kind);
    Py_CLEAR(st->k_level);
    Py_CLEAR(st->k_ordered);
    Py_CLEAR(st->k_header);
    Py_CLEAR(st->k_read_error);
    Py_CLEAR(st->utc);
    Py_CLEAR(st->extractor_type);
    Py_CLEAR(st->warc_type);
    return 0;
}

static void module_free(void *m)
{
    modstate *st = state_of((PyObject *)m);
    module_clear((PyObject *)m);
    if (!st)
        return;
    if (st->pools) {
        for (int i = 0; i < N_MODULE_POOLS; i++)
            pool_clear(&st->pools[i]);
        PyMem_Free(st->pools);
        st->pools = NULL;
    }
    if (st->pools_lock)
        PyThread_free_lock(st->pools_lock);
    st->pools_lock = NULL;
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, (void *)module_exec},
    {0, NULL},
};

static struct PyModuleDef pith_module = {
    PyModuleDef_HEAD_INIT,
    "pith._pith",
    "libpith bindings: article extraction from HTML pages, text and WARC files.\n"
    "Use the pith package, which re-exports everything here.",
    sizeof(modstate),
    module_methods,
    module_slots,
    module_traverse,
    module_clear,
    module_free,
};

PyMODINIT_FUNC PyInit__pith(void);

PyMODINIT_FUNC PyInit__pith(void)
{
    return PyModuleDef_Init(&pith_module);
}
