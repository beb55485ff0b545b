/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Opening a project file that came from elsewhere, read-only as the
 * command line's readers do: the header check, the quick check, loading
 * the settings, chapters, items, score, history and evidence; and the
 * integrity report of `evident-cli check` on the same bytes; and the
 * audit's exemptions, sessions, verdicts, agendas and findings.
 *
 * The input is the file, or, when it starts with "SQL\n", statements run
 * on a copy of a well-made project first (check constraints may be off):
 * rows that are wrong in meaning rather than in bytes, as another program
 * or a hand at a SQLite shell leaves them. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "evident-agenda.h"
#include "evident-audit.h"
#include "evident-evidence.h"
#include "evident-finding.h"
#include "evident-item.h"
#include "evident-project.h"
#include "fuzz.h"

#define SQL_PREFIX "SQL\n"

static char *path;
static GBytes *base; /* a project with history and evidence */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GPtrArray) seeds = NULL;

  fuzz_init ();
  seeds = fuzz_seeds_new ("project-open");
  base = g_bytes_ref (((FuzzSeed *) g_ptr_array_index (seeds, 0))->bytes);
  path = fuzz_tmp_path ("fuzz.evident");
  return 0;
}

/* No other files: no ATTACH, and so no VACUUM INTO either. */
static int
authorize (void       *data,
           int         action,
           const char *arg1,
           const char *arg2,
           const char *database,
           const char *trigger)
{
  return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

/* Statements end in bounded time and memory. */
static int
progress (void *data)
{
  return ++*(int *) data > 1000;
}

static void
write_file (const uint8_t *data,
            size_t         size)
{
  g_autofree char *sql = NULL;
  gsize base_size;
  const char *base_data;
  sqlite3 *db = NULL;
  int steps = 0;

  if (size < strlen (SQL_PREFIX) || memcmp (data, SQL_PREFIX, strlen (SQL_PREFIX)) != 0)
    {
      if (!g_file_set_contents (path, (const char *) data, size, NULL))
        g_error ("Cannot write %s", path);
      return;
    }

  base_data = g_bytes_get_data (base, &base_size);
  if (!g_file_set_contents (path, base_data, base_size, NULL))
    g_error ("Cannot write %s", path);
  sql = g_strndup ((const char *) data + strlen (SQL_PREFIX), size - strlen (SQL_PREFIX));
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
      sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 1000000);
      sqlite3_set_authorizer (db, authorize, NULL);
      sqlite3_progress_handler (db, 1000, progress, &steps);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }
  sqlite3_close (db);
}

static void
remove_files (void)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* The audit: exemptions, sessions with their scores, verdicts and
 * agendas, findings. */
static void
read_audit (EvidentProject *project)
{
  EvidentAudit *audit = evident_audit_get_for_project (project);
  GListModel *sessions = evident_audit_get_sessions (audit);
  g_autoptr (GPtrArray) verdicts = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 2, 11, 0, 0);

  g_list_model_get_n_items (evident_audit_get_exemptions (audit));
  g_list_model_get_n_items (evident_audit_get_findings (audit));
  evident_audit_get_n_open_findings (audit);
  verdicts = evident_audit_list_verdicts (audit, NULL, NULL, NULL, NULL);
  findings = evident_audit_list_findings (audit, NULL, NULL, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr (EvidentSession) session = g_list_model_get_item (sessions, i);
      g_autoptr (EvidentAgenda) agenda = evident_session_dup_agenda (session);
      g_autoptr (GPtrArray) session_verdicts = NULL;
      EvidentAgendaStatus status;

      evident_session_get_score (session);
      evident_session_get_n_items (session);
      evident_session_get_current_chapter (session);
      evident_agenda_get_status (agenda, now, &status);
      session_verdicts = evident_audit_list_verdicts (audit, session, NULL, NULL, NULL);
    }
}

/* Everything a reader of the project asks for. */
static void
read_project (EvidentProject *project)
{
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GListModel) evidence = NULL;
  GListModel *items = evident_project_get_items (project);

  evident_project_get_score (project);
  g_list_model_get_n_items (evident_project_get_chapters (project));
  history = evident_project_get_history (project, NULL, NULL);
  evidence = evident_evidence_store_list (evident_evidence_store_get_for_project (project),
                                          NULL);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr (EvidentEvidence) piece = g_list_model_get_item (evidence, i);
      const char *sha256 = evident_evidence_get_sha256 (piece);
      g_autoptr (GBytes) bytes = NULL;

      if (sha256 != NULL)
        bytes = evident_evidence_store_load_bytes (
            evident_evidence_store_get_for_project (project), sha256, NULL, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (items) && i < 32; i++)
    {
      g_autoptr (EvidentItem) item = g_list_model_get_item (items, i);
      GPtrArray *item_history = evident_project_get_history (project, item, NULL);

      g_clear_pointer (&item_history, g_ptr_array_unref);
    }
  read_audit (project);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const EvidentProjectOpenFlags modes[] = {
    EVIDENT_PROJECT_OPEN_READ_ONLY,
    EVIDENT_PROJECT_OPEN_READ_ONLY | EVIDENT_PROJECT_OPEN_INSPECT,
  };
  g_autoptr (GFile) file = NULL;

  remove_files ();
  write_file (data, size);
  file = g_file_new_for_path (path);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (EvidentProject) project = evident_project_open_full (file, modes[m], &error);

      if (project == NULL)
        {
          g_debug ("Not opened: %s", error->message);
          continue;
        }
      g_debug ("Opened, %u items", g_list_model_get_n_items (evident_project_get_items (project)));
      if (modes[m] & EVIDENT_PROJECT_OPEN_INSPECT)
        evident_project_check (project, NULL);
      else
        read_project (project);
      evident_project_close (project);
    }
  remove_files ();
  return 0;
}
