/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "evident-enums-util.h"

static const char *status_names[EVIDENT_N_STATUSES] = {
  "not-started", "in-progress", "ready", "met", "not-met", "not-applicable",
};

static const char *complexity_names[EVIDENT_N_COMPLEXITIES] = {
  "none", "low", "medium", "high",
};

static const char *view_names[EVIDENT_N_VIEWS] = {
  "confirmed", "projected", "best",
};

static const char *field_names[EVIDENT_N_HISTORY_FIELDS] = {
  "status", "owner", "complexity", "reason", "note", "due", "response", "estimate",
  "recheck", "evidence", "evidence-title", "evidence-kind", "revision",
};

static gboolean
lookup_name (const char  *string,
             const char **names,
             guint        n_names,
             guint       *index)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (string, names[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
evident_status_to_string (EvidentStatus status)
{
  g_return_val_if_fail (status < EVIDENT_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
evident_status_from_string (const char    *string,
                            EvidentStatus *status)
{
  guint i;

  if (!lookup_name (string, status_names, EVIDENT_N_STATUSES, &i))
    return FALSE;
  *status = i;
  return TRUE;
}

const char *
evident_status_get_label (EvidentStatus status)
{
  switch (status)
    {
    case EVIDENT_STATUS_NOT_STARTED:
      return _("Not Started");
    case EVIDENT_STATUS_IN_PROGRESS:
      return _("In Progress");
    case EVIDENT_STATUS_READY:
      return _("Ready for Review");
    case EVIDENT_STATUS_MET:
      return _("Met");
    case EVIDENT_STATUS_NOT_MET:
      return _("Not Met");
    case EVIDENT_STATUS_NOT_APPLICABLE:
      return _("Not Applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The normative sets of DESIGN.md: which statuses each view counts. */
gboolean
evident_status_counts_in (EvidentStatus status,
                          EvidentView   view)
{
  switch (view)
    {
    case EVIDENT_VIEW_CONFIRMED:
      return status == EVIDENT_STATUS_MET || status == EVIDENT_STATUS_NOT_APPLICABLE;
    case EVIDENT_VIEW_PROJECTED:
      return status == EVIDENT_STATUS_MET || status == EVIDENT_STATUS_NOT_APPLICABLE
             || status == EVIDENT_STATUS_READY;
    case EVIDENT_VIEW_BEST:
      return status != EVIDENT_STATUS_NOT_MET;
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
evident_complexity_to_string (EvidentComplexity complexity)
{
  g_return_val_if_fail (complexity < EVIDENT_N_COMPLEXITIES, NULL);
  return complexity_names[complexity];
}

gboolean
evident_complexity_from_string (const char        *string,
                                EvidentComplexity *complexity)
{
  guint i;

  if (string != NULL && *string == '\0')
    {
      *complexity = EVIDENT_COMPLEXITY_NONE;
      return TRUE;
    }
  if (!lookup_name (string, complexity_names, EVIDENT_N_COMPLEXITIES, &i))
    return FALSE;
  *complexity = i;
  return TRUE;
}

const char *
evident_complexity_get_label (EvidentComplexity complexity)
{
  switch (complexity)
    {
    case EVIDENT_COMPLEXITY_NONE:
      return C_("complexity", "Unrated");
    case EVIDENT_COMPLEXITY_LOW:
      return C_("complexity", "Low");
    case EVIDENT_COMPLEXITY_MEDIUM:
      return C_("complexity", "Medium");
    case EVIDENT_COMPLEXITY_HIGH:
      return C_("complexity", "High");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
evident_score_mode_to_string (EvidentScoreMode mode)
{
  return mode == EVIDENT_SCORE_MODE_PASS_FAIL ? "pass-fail" : "points";
}

gboolean
evident_score_mode_from_string (const char       *string,
                                EvidentScoreMode *mode)
{
  if (g_strcmp0 (string, "points") == 0)
    *mode = EVIDENT_SCORE_MODE_POINTS;
  else if (g_strcmp0 (string, "pass-fail") == 0)
    *mode = EVIDENT_SCORE_MODE_PASS_FAIL;
  else
    return FALSE;
  return TRUE;
}

const char *
evident_view_to_string (EvidentView view)
{
  g_return_val_if_fail (view < EVIDENT_N_VIEWS, NULL);
  return view_names[view];
}

const char *
evident_view_get_label (EvidentView view)
{
  switch (view)
    {
    case EVIDENT_VIEW_CONFIRMED:
      return C_("score view", "Confirmed");
    case EVIDENT_VIEW_PROJECTED:
      return C_("score view", "Projected");
    case EVIDENT_VIEW_BEST:
      return C_("score view", "Best Case");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * evident_view_get_description:
 *
 * Returns: what a score view counts, in one line for the user, e.g. "items
 *   met or not applicable"
 */
const char *
evident_view_get_description (EvidentView view)
{
  switch (view)
    {
    case EVIDENT_VIEW_CONFIRMED:
      return _("items met or not applicable");
    case EVIDENT_VIEW_PROJECTED:
      return _("confirmed items and those ready for review");
    case EVIDENT_VIEW_BEST:
      return _("every item except those not met");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
evident_item_field_to_string (EvidentItemField field)
{
  g_return_val_if_fail (field < EVIDENT_N_HISTORY_FIELDS, NULL);
  return field_names[field];
}

gboolean
evident_item_field_from_string (const char       *string,
                                EvidentItemField *field)
{
  guint i;

  if (!lookup_name (string, field_names, EVIDENT_N_HISTORY_FIELDS, &i))
    return FALSE;
  *field = i;
  return TRUE;
}

const char *
evident_item_field_get_label (EvidentItemField field)
{
  switch (field)
    {
    case EVIDENT_ITEM_FIELD_STATUS:
      return C_("item field", "Status");
    case EVIDENT_ITEM_FIELD_OWNER:
      return C_("item field", "Owner");
    case EVIDENT_ITEM_FIELD_COMPLEXITY:
      return C_("item field", "Complexity");
    case EVIDENT_ITEM_FIELD_REASON:
      return C_("item field", "Reason");
    case EVIDENT_ITEM_FIELD_NOTE:
      return C_("item field", "Notes");
    case EVIDENT_ITEM_FIELD_DUE:
      return C_("item field", "Due Date");
    case EVIDENT_ITEM_FIELD_RESPONSE:
      return C_("item field", "Response");
    case EVIDENT_ITEM_FIELD_ESTIMATE:
      return C_("item field", "Estimate");
    case EVIDENT_ITEM_FIELD_RECHECK:
      /* Translators: the status an item had before a checklist revision
       * reworded it, until someone confirms it */
      return C_("item field", "Needs Re-check");
    case EVIDENT_ITEM_FIELD_EVIDENCE:
      return C_("item field", "Evidence");
    case EVIDENT_ITEM_FIELD_EVIDENCE_TITLE:
      return C_("item field", "Evidence Title");
    case EVIDENT_ITEM_FIELD_EVIDENCE_KIND:
      return C_("item field", "Evidence Kind");
    case EVIDENT_ITEM_FIELD_REVISION:
      /* Translators: the item's reference and checklist version before and
       * after a revision of the checklist, e.g. "8.2.1 (4.1) → 8.3.1 (4.2)" */
      return C_("item field", "Checklist Revision");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A chapter title to show: translated when it is one Evident knows (the
 * bundled sample's, see evident-sample-strings.c), else as given. An empty
 * title stays empty: gettext would answer it with the catalogue's header. */
const char *
evident_translate_title (const char *title)
{
  if (title == NULL || *title == '\0')
    return "";
  return g_dgettext (GETTEXT_PACKAGE, title);
}

/* Natural order of references: "8.2" < "8.10" < "SECP-002" < "SECP-010". */
int
evident_ref_compare (const char *a,
                     const char *b)
{
  while (*a && *b)
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          guint64 na = g_ascii_strtoull (a, (char **) &a, 10);
          guint64 nb = g_ascii_strtoull (b, (char **) &b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
        }
      else
        {
          int ca = g_ascii_tolower (*a);
          int cb = g_ascii_tolower (*b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  return (*a != '\0') - (*b != '\0');
}

/**
 * evident_date_normalize:
 * @text: a date as YYYY-MM-DD (one-digit months and days too)
 * @iso: (out) (transfer full): the date as YYYY-MM-DD
 *
 * Returns: whether @text is a valid date, and nothing else
 */
gboolean
evident_date_normalize (const char  *text,
                        char       **iso)
{
  int y, m, d;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}
