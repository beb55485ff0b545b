/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rows of a matrix by owner, shared by the heat map and the workload. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "evident-owner-rows.h"

typedef struct
{
  const char *name;
  char       *key;
  guint       source;
} OwnerSort;

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const OwnerSort *oa = a;
  const OwnerSort *ob = b;
  int cmp = strcmp (oa->key, ob->key);

  return cmp != 0 ? cmp : strcmp (oa->name, ob->name);
}

/**
 * evident_owner_rows_sort:
 * @names: (element-type utf8): the owners' names, each once, in any order
 * @sources: (out caller-allocates) (array): names->len + 1 places: for each
 *   row, i + 1 when it is the row of the i-th of @names, 0 for the
 *   unassigned row (the last)
 *
 * Returns: (transfer full): the names sorted ignoring case, as the rows'
 *   owners; the terminating %NULL stands for the unassigned row
 */
char **
evident_owner_rows_sort (GPtrArray *names,
                         guint     *sources)
{
  g_autofree OwnerSort *order = g_new (OwnerSort, MAX (names->len, 1));
  char **owners = g_new0 (char *, names->len + 1);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (names, i), -1);

      order[i].name = g_ptr_array_index (names, i);
      order[i].key = g_utf8_collate_key (folded, -1);
      order[i].source = i + 1;
    }
  qsort (order, names->len, sizeof (OwnerSort), compare_owners);

  for (guint r = 0; r < names->len; r++)
    {
      owners[r] = g_strdup (order[r].name); /* once per owner */
      sources[r] = order[r].source;
      g_free (order[r].key);
    }
  sources[names->len] = 0;
  return owners;
}

/**
 * evident_owner_rows_get_label:
 * @owners: rows' owners from evident_owner_rows_sort()
 * @row: a row, or %EVIDENT_OWNER_ROWS_TOTAL
 *
 * Returns: the owner's name, or "Unassigned" or "Total", translated
 */
const char *
evident_owner_rows_get_label (char *const *owners,
                              guint        row)
{
  if (row == EVIDENT_OWNER_ROWS_TOTAL)
    return C_("heat map", "Total");
  if (owners[row] == NULL)
    return C_("owner", "Unassigned");
  return owners[row];
}

/**
 * evident_owner_rows_lookup:
 * @owners: rows' owners from evident_owner_rows_sort()
 * @n_rows: the number of rows, the unassigned one included
 * @owner: (nullable): an owner; %NULL or "" for the unassigned row
 * @row: (out): where to store the row
 *
 * Returns: whether @owner has a row (the unassigned row always exists)
 */
gboolean
evident_owner_rows_lookup (char *const *owners,
                           guint        n_rows,
                           const char  *owner,
                           guint       *row)
{
  if (owner == NULL || *owner == '\0')
    {
      *row = n_rows - 1;
      return TRUE;
    }
  for (guint r = 0; r + 1 < n_rows; r++)
    {
      if (g_str_equal (owners[r], owner))
        {
          *row = r;
          return TRUE;
        }
    }
  return FALSE;
}
