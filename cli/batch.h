/* batch.h — the corpus runner: many inputs in, JSON Lines out, all cores.
 *
 * Inputs are files, directories (walked recursively in sorted order) and
 * WARC archives (plain, .gz, .zst), or a list of them read from a file or
 * stdin. One reader thread cuts them into work items (one per page or WARC
 * record) and feeds a bounded queue; N workers extract; the writer emits
 * the results in input order, so the output bytes do not depend on N.
 * Every input page yields one output line or one counted skip.
 */
#ifndef PITH_CLI_BATCH_H
#define PITH_CLI_BATCH_H

#include "pith.h"

#include <stdio.h>

typedef struct batch_config {
    pith_options opt;        /* extraction options */
    unsigned render_flags;   /* PITH_RENDER_* for the JSON records */
    pith_input_kind kind;    /* default input kind for plain files */
    const char *charset;     /* charset hint for plain files */
    int64_t ref_time;        /* 0 = WARC-Date per record, else this */
    const char *output;      /* NULL or "-" = stdout; .gz / .zst compress */
    const char *files_from;  /* read input paths from this file ("-" = stdin) */
    unsigned jobs;           /* worker threads, 0 = all cores */
    int resume;              /* skip inputs already in the output */
    int dedupe;              /* flag exact and near duplicates */
    int learn;               /* two passes: learn blocks that recur on a site's pages, then drop them */
    int quiet;               /* no summary, no progress */
    int progress;            /* -1 auto (stderr is a terminal), 0 off, 1 on */
} batch_config;

/* Run over paths[0..n). Returns an exit status (see pith --help). */
int batch_run(const batch_config *cfg, const char *const *paths, int n);

/* 1 when the path names a WARC file (by name or by magic bytes) or a directory. */
int batch_wants(const char *path);

#endif
