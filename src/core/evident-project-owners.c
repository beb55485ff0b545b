/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The people who own items: their names, and the e-mail address some of
 * them have (Jira's assignee on export). An owner is written as a name,
 * "Name <name@example.com>" or a bare address. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "evident-project-private.h"

/* A plain check, not RFC 5322: one "@" with something on either side, no
 * white space and nothing that would break "Name <address>". */
static gboolean
looks_like_address (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || strchr ("<>,;\"", *p) != NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_owner_split:
 * @text: (nullable): an owner as a user writes it: "Ann Example",
 *   "Ann Example <ann@example.com>" or "ann@example.com"
 * @name: (out) (transfer full): the owner's name, stripped; "" for none
 * @email: (out) (transfer full) (nullable): the address, or %NULL when
 *   @text gives none
 * @error: return location for an error
 *
 * A bare address is both the name and the address.
 *
 * Returns: %TRUE, or %FALSE with %EVIDENT_PROJECT_ERROR_INVALID when the
 *   part in angle brackets is not an address
 */
gboolean
evident_owner_split (const char  *text,
                     char       **name,
                     char       **email,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize length = strlen (stripped);
  char *open;

  *name = NULL;
  *email = NULL;

  open = strrchr (stripped, '<');
  if (length > 0 && stripped[length - 1] == '>' && open != NULL)
    {
      g_autofree char *address = g_strstrip (g_strndup (open + 1, stripped + length - 1 - open - 1));

      if (!looks_like_address (address))
        {
          g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                       _("“%s” is not an e-mail address; write the owner as "
                         "“Name <name@example.com>”"),
                       address);
          return FALSE;
        }
      *open = '\0';
      g_strstrip (stripped);
      *name = g_strdup (*stripped != '\0' ? stripped : address);
      *email = g_steal_pointer (&address);
      return TRUE;
    }

  if (looks_like_address (stripped))
    *email = g_strdup (stripped);
  *name = g_steal_pointer (&stripped);
  return TRUE;
}

/**
 * evident_owner_write:
 * @db: a connection in a write transaction
 * @name: an owner's name, not empty
 * @email: (nullable): the address; "" forgets it, %NULL keeps the one
 *   recorded, if any
 * @error: return location for an error
 *
 * Records the owner, and the address with it.
 *
 * Returns: %TRUE on success
 */
gboolean
evident_owner_write (EvidentDb   *db,
                     const char  *name,
                     const char  *email,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = evident_db_prepare (db,
                             email != NULL ? "INSERT INTO owners (name, email) VALUES (?1, ?2)"
                                             " ON CONFLICT (name) DO UPDATE SET email = ?2"
                                           : "INSERT INTO owners (name) VALUES (?1)"
                                             " ON CONFLICT (name) DO NOTHING",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (email != NULL)
    evident_db_bind_text_or_null (stmt, 2, email);
  return evident_db_step_done (db, stmt, error);
}

/**
 * evident_project_dup_owners:
 *
 * Returns: (transfer full): the names of everyone who owns or has owned an
 *   item, sorted
 */
char **
evident_project_dup_owners (EvidentProject *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  EvidentDb *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);

  db = evident_project_get_db (self);
  if (db != NULL
      && (stmt = evident_db_prepare (db, "SELECT name FROM owners ORDER BY name COLLATE NOCASE",
                                     NULL)))
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, evident_db_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

/**
 * evident_project_dup_owner_email:
 * @self: a project
 * @name: an owner's name
 *
 * Returns: (transfer full) (nullable): the owner's e-mail address, or
 *   %NULL when none is known
 */
char *
evident_project_dup_owner_email (EvidentProject *self,
                                 const char     *name)
{
  EvidentDb *db;
  sqlite3_stmt *stmt;
  char *email = NULL;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  db = evident_project_get_db (self);
  if (db == NULL
      || (stmt = evident_db_prepare (db, "SELECT email FROM owners WHERE name = ?"
                                         " AND email IS NOT NULL",
                                     NULL))
             == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    email = g_strdup (evident_db_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return email;
}

/**
 * evident_project_set_owner_email:
 * @self: a project
 * @name: an owner's name (the owner is recorded if new)
 * @email: (nullable): the e-mail address; %NULL or "" forgets it
 * @error: return location for an error
 *
 * Records who an owner is, for every item the owner has: a fact about the
 * person, not an edit of an item, so it is not in the history and not
 * undone. evident_project_set_owner() with "Name <address>" sets the
 * owner and the address at once, in the item's edit.
 *
 * Returns: %TRUE when saved
 */
gboolean
evident_project_set_owner_email (EvidentProject  *self,
                                 const char      *name,
                                 const char      *email,
                                 GError         **error)
{
  g_autofree char *stripped = NULL;
  EvidentDb *db;

  g_return_val_if_fail (EVIDENT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  stripped = g_strstrip (g_strdup (email != NULL ? email : ""));
  if (*stripped != '\0' && !looks_like_address (stripped))
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_INVALID,
                   _("“%s” is not an e-mail address"), stripped);
      return FALSE;
    }

  db = evident_project_get_db (self);
  if (db == NULL)
    {
      g_set_error (error, EVIDENT_PROJECT_ERROR, EVIDENT_PROJECT_ERROR_FAILED,
                   _("“%s” is closed"), evident_project_get_path (self));
      return FALSE;
    }
  if (!evident_db_begin_write (db, error))
    return FALSE;
  if (!evident_owner_write (db, name, stripped, error) || !evident_db_commit (db, error))
    {
      evident_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
