/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The pieces of an import that look at one cell: texts cleaned of what
 * spreadsheets leave in them, values read leniently where that is safe,
 * and what can be derived when a column is missing (a chapter from a
 * reference, a title from a requirement). */

#include "config.h"

#include <string.h>

#include "evident-enums-util.h"
#include "evident-import-private.h"

/* A derived title is cut at a word boundary before this many characters. */
#define MAX_DERIVED_TITLE 80

/* Helpers */

static gboolean
is_blank_char (gunichar c)
{
  /* Non-breaking and other fixed-width spaces as spreadsheets scatter them. */
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2007 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

static gboolean
is_invisible_char (gunichar c)
{
  return c == 0x200B || c == 0xFEFF || c == 0x00AD ||
         (c < 0x20 && c != '\n' && c != '\r' && c != '\t');
}

/* Whether @text starts with @word, ignoring ASCII case, and the word ends
 * there (not "Evidenced" for "Evidence"). */
static gboolean
starts_with_word (const char *text, const char *word)
{
  gsize len = strlen (word);

  return g_ascii_strncasecmp (text, word, len) == 0 && !g_ascii_isalpha (text[len]);
}

static char *
capitalize_first (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char     buf[8];
  int      len;

  if (!g_unichar_islower (first))
    return g_strdup (text);
  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  buf[len] = '\0';
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

/* Texts */

/**
 * evident_import_clean_text:
 * @cell: a cell's text
 *
 * Cleans a multi-line text: CR LF and CR become LF, non-breaking and other
 * odd spaces plain ones, invisible characters go; each line loses its
 * trailing spaces and runs of spaces after its indentation; more than one
 * blank line in a row becomes one; the whole is trimmed.
 *
 * Returns: (transfer full): the clean text
 */
/* Whether @cell is clean already, as most cells are: ASCII, no control
 * characters but single line breaks, no runs of spaces, nothing to trim. */
static gboolean
is_clean (const char *cell, gboolean one_line)
{
  const guchar *p = (const guchar *) cell;

  if (*p == ' ' || *p == '\n')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p >= 0x80 || (*p < 0x20 && *p != '\n'))
        return FALSE;
      if (*p == '\n' && (one_line || p[1] == '\n' || p[1] == ' '))
        return FALSE;
      if (*p == ' ' && (p[1] == ' ' || p[1] == '\n'))
        return FALSE;
    }

  return p == (const guchar *) cell || (p[-1] != ' ' && p[-1] != '\n');
}

char *
evident_import_clean_text (const char *cell)
{
  GString *out;
  guint    newlines = 0;    /* pending line breaks */
  gboolean space = FALSE;   /* a pending space within a line */
  gboolean in_line = FALSE; /* past the line's indentation */
  guint    indent = 0;

  if (is_clean (cell, FALSE))
    return g_strdup (cell);

  out = g_string_sized_new (strlen (cell));
  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          if (out->len > 0)
            newlines++;
          space = FALSE;
          in_line = FALSE;
          indent = 0;
          continue;
        }

      if (is_invisible_char (c))
        continue;

      if (is_blank_char (c))
        {
          if (in_line)
            space = TRUE;
          else
            indent++;
          continue;
        }

      if (newlines > 0)
        {
          g_string_append (out, newlines > 1 ? "\n\n" : "\n");
          newlines = 0;
        }
      if (!in_line)
        {
          /* Indentation is kept on lines after the first. */
          if (out->len > 0)
            for (guint i = 0; i < indent; i++)
              g_string_append_c (out, ' ');
          in_line = TRUE;
        }
      else if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * evident_import_clean_line:
 * @cell: a cell's text
 *
 * Returns: (transfer full): the text cleaned as one line: line breaks and
 *   runs of spaces become single spaces
 */
char *
evident_import_clean_line (const char *cell)
{
  g_autofree char *text = NULL;
  GString         *out;
  gboolean         space = FALSE;

  if (is_clean (cell, TRUE))
    return g_strdup (cell);

  text = evident_import_clean_text (cell);
  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == ' ')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * evident_import_normalize_name:
 * @cell: a header cell
 *
 * Returns: (transfer full): the name as compared with known names: one
 *   line, case-folded, "_" and "-" as spaces, Jira's "Custom field (…)"
 *   unwrapped, without trailing "?", ":", "*" or "."
 */
char *
evident_import_normalize_name (const char *cell)
{
  g_autofree char *line = evident_import_clean_line (cell);
  g_autofree char *folded = g_utf8_casefold (line, -1);
  GString         *out = g_string_sized_new (strlen (folded));
  const char      *start = folded;
  const char      *end = folded + strlen (folded);
  gboolean         space = FALSE;

  if (g_str_has_prefix (start, "custom field (") && end > start && end[-1] == ')')
    {
      start += strlen ("custom field (");
      end--;
    }

  for (const char *p = start; p < end; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  while (out->len > 0 && strchr ("?:*. ", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * evident_import_quote:
 *
 * Returns: (transfer full): @value for a message: at most 40 characters,
 *   on one line
 */
char *
evident_import_quote (const char *value)
{
  g_autofree char *line = evident_import_clean_line (value);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (line, -1) <= 40)
    return g_steal_pointer (&line);

  start = g_utf8_substring (line, 0, 39);
  return g_strconcat (start, "…", NULL);
}

/* References */

/**
 * evident_import_looks_like_ref:
 * @text: a clean line
 *
 * Returns: whether @text could be an item's reference: short, with a digit,
 *   at most one space and no lower-case word before it (`8.2.1`,
 *   `SECP-001`, `A.5.1`, `SEC 004`; not `Part 1`)
 */
gboolean
evident_import_looks_like_ref (const char *text)
{
  gboolean digit = FALSE;
  guint    spaces = 0;
  gsize    len = strlen (text);

  if (len == 0 || len > 32)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == ' ')
        spaces++;
      else if (strchr (",;()!?\"", *p) != NULL)
        return FALSE;
    }

  if (!digit || spaces > 1)
    return FALSE;

  /* "SEC 004" is a reference, "Part 1" a heading. */
  for (const char *p = text; spaces > 0 && *p != ' '; p++)
    {
      if (g_ascii_islower (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_ref_separator (char c)
{
  return c == '.' || c == '-' || c == '_' || c == ':' || c == '/' || c == ' ';
}

static gboolean
all_letters (const char *start, const char *end)
{
  if (start == end)
    return FALSE;
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
    }
  return TRUE;
}

/**
 * evident_import_ref_prefix:
 * @ref: a clean reference
 *
 * Derives a chapter from a reference: its first part (`V1.2.10` → `V1`,
 * `CC1.1.1` → `CC1`, `NETSEC-001` → `NETSEC`, `8.2.1` → `8`), or its first
 * two when the first is a letter code before two more parts (`A.5.1` →
 * `A.5`); the letters before the number of a single part (`AC12` → `AC`).
 * Letters are upper-cased, so that `sec-004` joins `SEC-001`.
 *
 * Returns: (transfer full) (nullable): the chapter, or %NULL when the
 *   reference has no parts (`12`)
 */
char *
evident_import_ref_prefix (const char *ref)
{
  const char *ends[3] = { NULL, NULL, NULL };
  guint       n_parts = 0;
  const char *p = ref;
  const char *end = NULL;

  while (*p != '\0' && n_parts < 3)
    {
      const char *start = p;

      while (*p != '\0' && !is_ref_separator (*p))
        p++;
      if (p > start)
        ends[n_parts++] = p;
      while (*p != '\0' && is_ref_separator (*p))
        p++;
    }

  if (n_parts >= 3 && all_letters (ref, ends[0]))
    end = ends[1];
  else if (n_parts >= 2)
    end = ends[0];
  else if (n_parts == 1)
    {
      const char *q = ref;

      while (g_ascii_isalpha (*q))
        q++;
      if (q > ref && g_ascii_isdigit (*q))
        end = q;
    }

  if (end == NULL)
    return NULL;

  return g_ascii_strup (ref, end - ref);
}

/**
 * evident_import_split_ref_title:
 * @title: a clean title that may start with a reference
 * @ref: (out): the reference
 * @rest: (out): the title without it
 *
 * Takes a reference off the start of a title, as issue trackers hold them:
 * `8.2.1 MFA`, `[SECP-001] Policy`, `A.5.1: Policies`, `V1.2 – Encoding`.
 *
 * Returns: whether @title starts with a reference and has more after it
 */
gboolean
evident_import_split_ref_title (const char *title, char **ref, char **rest)
{
  const char      *p = title;
  const char      *start;
  const char      *end;
  g_autofree char *token = NULL;
  gboolean         bracket = FALSE;

  if (*p == '[' || *p == '(')
    {
      bracket = TRUE;
      p++;
    }
  start = p;
  while (*p != '\0' && *p != ' ' && *p != ']' && *p != ')' && *p != ':')
    p++;
  end = p;
  if (bracket && *p != ']' && *p != ')')
    return FALSE;
  token = g_strndup (start, end - start);
  /* Bare numbers are a reference only when short: "1 Purpose", not "2024 plan". */
  while (end > start && end[-1] == '.')
    end--;
  if (!evident_import_looks_like_ref (token) || strchr (token, ' ') != NULL)
    return FALSE;
  if (strspn (token, "0123456789.") == strlen (token) && strlen (token) > 3 &&
      strchr (token, '.') == NULL)
    return FALSE;

  if (*p == ']' || *p == ')' || *p == ':')
    p++;
  /* Spaces and dashes between the reference and the title. */
  while (*p == ' ' || *p == '-' || *p == ':' || g_str_has_prefix (p, "–") ||
         g_str_has_prefix (p, "—"))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return FALSE;

  *ref = g_strndup (start, end - start);
  *rest = g_strdup (p);
  return TRUE;
}

/* Titles */

/* Where the first sentence of @line ends: before ". ", "? ", "! " or "; "
 * (not after "e.g." or "i.e."). */
static const char *
sentence_end (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      if (strchr (".?!;", *p) == NULL || p[1] != ' ')
        continue;
      if (*p == '.' && p - line >= 3 &&
          (strncmp (p - 3, "e.g", 3) == 0 || strncmp (p - 3, "i.e", 3) == 0))
        continue;
      if (*p == '.' && p - line >= 3 && strncmp (p - 3, "etc", 3) == 0)
        continue;
      return p;
    }

  return line + strlen (line);
}

/**
 * evident_import_title_from_text:
 * @text: a clean requirement
 *
 * Derives a title from a requirement: its first line, up to the end of the
 * first sentence, without a leading "Verify that" or "Ensure that", cut at
 * a word boundary before 80 characters ("…" marks the cut).
 *
 * Returns: (transfer full): the title, "" when @text is empty
 */
char *
evident_import_title_from_text (const char *text)
{
  static const char *const leads[] = { "verify that ", "ensure that ", "check that ",
                                       "confirm that " };
  g_autofree char         *first = NULL;
  g_autofree char         *title = NULL;
  const char              *newline = strchr (text, '\n');
  const char              *start;
  const char              *end;
  glong                    n_chars;

  first = newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);
  start = first;
  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      if (g_ascii_strncasecmp (start, leads[i], strlen (leads[i])) == 0 &&
          start[strlen (leads[i])] != '\0')
        {
          start += strlen (leads[i]);
          break;
        }
    }

  end = sentence_end (start);
  while (end > start && strchr (".:;, ", end[-1]) != NULL)
    end--;
  title = g_strndup (start, end - start);

  n_chars = g_utf8_strlen (title, -1);
  if (n_chars > MAX_DERIVED_TITLE)
    {
      char *cut = g_utf8_offset_to_pointer (title, MAX_DERIVED_TITLE - 1);
      char *space = cut;

      while (space > title && *space != ' ')
        space--;
      if (space - title > MAX_DERIVED_TITLE / 2)
        cut = space;
      while (cut > title && strchr (" ,;:-", cut[-1]) != NULL)
        cut--;
      *cut = '\0';
      {
        char *shortened = g_strconcat (title, "…", NULL);

        g_free (title);
        title = shortened;
      }
    }

  return capitalize_first (title);
}

/* Whether @line says whether an item is mandatory: "Mandatory",
 * "(Recommended)", "Optional." */
static gboolean
parse_mandatory_line (const char *line, gboolean *mandatory)
{
  g_autofree char *word = g_strdup (line);
  char            *p;

  g_strstrip (word);
  p = word;
  if (*p == '(' || *p == '[')
    p++;
  g_strdelimit (p, ")].:", ' ');
  g_strstrip (p);

  if (g_ascii_strcasecmp (p, "mandatory") == 0 || g_ascii_strcasecmp (p, "required") == 0)
    *mandatory = TRUE;
  else if (g_ascii_strcasecmp (p, "recommended") == 0 || g_ascii_strcasecmp (p, "optional") == 0)
    *mandatory = FALSE;
  else
    return FALSE;

  return TRUE;
}

/**
 * evident_import_split_description:
 * @text: a clean requirement cell
 * @split_title: whether a title line and a mandatory line may come first
 * @split_evidence: whether a paragraph starting "Evidence" starts the
 *   expected evidence
 * @description: (out caller-allocates): the parts
 *
 * Takes a requirement cell apart as AWS's self-assessment writes it: a
 * title line, a line saying "Mandatory" or "Recommended", the requirement,
 * then the expected evidence. Without the second line, the whole text is
 * the requirement (and @description->title is %NULL).
 */
void
evident_import_split_description (const char               *text,
                                  gboolean                  split_title,
                                  gboolean                  split_evidence,
                                  EvidentImportDescription *description)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint    first = 0;
  guint    body = 0;
  guint    n_lines = g_strv_length (lines);
  GString *requirement = g_string_new (NULL);
  GString *evidence = NULL;

  memset (description, 0, sizeof *description);

  /* The title and the mandatory line: the first two lines that hold text. */
  if (split_title && n_lines >= 2)
    {
      guint second = first + 1;

      while (second < n_lines && *lines[second] == '\0')
        second++;
      if (second < n_lines && parse_mandatory_line (lines[second], &description->mandatory))
        {
          description->title = g_strdup (lines[first]);
          description->has_mandatory = TRUE;
          body = second + 1;
        }
    }

  for (guint i = body; i < n_lines; i++)
    {
      const char *line = lines[i];
      const char *trimmed = line + strspn (line, " ");

      if (evidence == NULL && split_evidence && starts_with_word (trimmed, "evidence"))
        evidence = g_string_new (NULL);

      if (evidence != NULL)
        g_string_append_printf (evidence, "%s%s", evidence->len > 0 ? "\n" : "", line);
      else
        g_string_append_printf (requirement, "%s%s", requirement->len > 0 ? "\n" : "", line);
    }

  description->requirement = g_strstrip (g_string_free (requirement, FALSE));
  if (evidence != NULL)
    description->evidence = g_strstrip (g_string_free (evidence, FALSE));
}

void
evident_import_description_clear (EvidentImportDescription *description)
{
  g_clear_pointer (&description->title, g_free);
  g_clear_pointer (&description->requirement, g_free);
  g_clear_pointer (&description->evidence, g_free);
}

/**
 * evident_import_looks_like_name:
 * @text: a clean line from a chapter or section column
 *
 * Returns: whether @text is a name ("Access Control", "Business") rather
 *   than a number or code ("8.0", "V1", "BUSP")
 */
gboolean
evident_import_looks_like_name (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || g_unichar_islower (c))
        return TRUE;
    }

  return FALSE;
}

/* Values */

/**
 * evident_import_parse_points:
 * @text: a clean line
 * @points: (out): the points
 *
 * Points are a whole number from 0 to %EVIDENT_MAX_ITEM_POINTS.
 */
EvidentImportPointsResult
evident_import_parse_points (const char *text, int *points)
{
  guint64 number;

  if (*text == '\0')
    return EVIDENT_IMPORT_POINTS_EMPTY;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &number, NULL) ||
      !g_ascii_isdigit (*text))
    return EVIDENT_IMPORT_POINTS_NOT_A_NUMBER;

  if (number > EVIDENT_MAX_ITEM_POINTS)
    return EVIDENT_IMPORT_POINTS_TOO_MANY;

  *points = (int) number;
  return EVIDENT_IMPORT_POINTS_OK;
}

/**
 * evident_import_parse_mandatory:
 * @text: a clean line
 * @mandatory: (out): the flag
 *
 * Returns: whether @text says yes or no: yes/no, true/false, 1/0, y/n,
 *   mandatory/recommended, required/optional, must or shall/should or may
 *   (RFC 2119), in any case; empty is no
 */
gboolean
evident_import_parse_mandatory (const char *text, gboolean *mandatory)
{
  static const char *const yes[] = { "yes", "true",     "1",    "mandatory",
                                     "y",   "required", "must", "shall" };
  static const char *const no[] = { "",  "no",       "false",  "0",  "recommended",
                                    "n", "optional", "should", "may" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *mandatory = TRUE;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    {
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *mandatory = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * evident_import_parse_level:
 *
 * Returns: the first whole number in @text ("2", "L2", "Level 3"), 0 if none
 */
guint
evident_import_parse_level (const char *text)
{
  guint64 level = 0;

  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  while (g_ascii_isdigit (*text) && level < 1000)
    level = level * 10 + (*text++ - '0');

  return (guint) level;
}

typedef struct
{
  const char   *word;
  EvidentStatus status;
} StatusWord;

static gboolean
lookup_status (const char *text, const StatusWord *words, gsize n_words, EvidentStatus *status)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (g_ascii_strcasecmp (text, words[i].word) == 0)
        {
          *status = words[i].status;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * evident_import_parse_status:
 * @text: a clean line: Evident's own spelling (`in-progress`) or an issue
 *   tracker's (`To Do`, `In Progress`, `In Review`, `Done`, `Won't Do`)
 * @status: (out): the status
 *
 * Returns: whether @text names a status
 */
gboolean
evident_import_parse_status (const char *text, EvidentStatus *status)
{
  static const StatusWord words[] = {
    { "to do", EVIDENT_STATUS_NOT_STARTED },
    { "todo", EVIDENT_STATUS_NOT_STARTED },
    { "open", EVIDENT_STATUS_NOT_STARTED },
    { "backlog", EVIDENT_STATUS_NOT_STARTED },
    { "new", EVIDENT_STATUS_NOT_STARTED },
    { "not started", EVIDENT_STATUS_NOT_STARTED },
    { "selected for development", EVIDENT_STATUS_NOT_STARTED },
    { "in progress", EVIDENT_STATUS_IN_PROGRESS },
    { "started", EVIDENT_STATUS_IN_PROGRESS },
    { "doing", EVIDENT_STATUS_IN_PROGRESS },
    { "ongoing", EVIDENT_STATUS_IN_PROGRESS },
    { "ready", EVIDENT_STATUS_READY },
    { "in review", EVIDENT_STATUS_READY },
    { "review", EVIDENT_STATUS_READY },
    { "ready for review", EVIDENT_STATUS_READY },
    { "under review", EVIDENT_STATUS_READY },
    { "done", EVIDENT_STATUS_MET },
    { "closed", EVIDENT_STATUS_MET },
    { "resolved", EVIDENT_STATUS_MET },
    { "met", EVIDENT_STATUS_MET },
    { "complete", EVIDENT_STATUS_MET },
    { "completed", EVIDENT_STATUS_MET },
    { "passed", EVIDENT_STATUS_MET },
    { "not met", EVIDENT_STATUS_NOT_MET },
    { "failed", EVIDENT_STATUS_NOT_MET },
    { "rejected", EVIDENT_STATUS_NOT_MET },
    { "won't do", EVIDENT_STATUS_NOT_APPLICABLE },
    { "wont do", EVIDENT_STATUS_NOT_APPLICABLE },
    { "not applicable", EVIDENT_STATUS_NOT_APPLICABLE },
    { "n/a", EVIDENT_STATUS_NOT_APPLICABLE },
    { "na", EVIDENT_STATUS_NOT_APPLICABLE },
    { "cancelled", EVIDENT_STATUS_NOT_APPLICABLE },
    { "canceled", EVIDENT_STATUS_NOT_APPLICABLE },
  };
  g_autofree char *spaced = g_strdelimit (g_strdup (text), "_-", ' ');
  g_autofree char *nick = g_strdelimit (g_ascii_strdown (text, -1), " _", '-');

  return evident_status_from_string (nick, status) ||
         lookup_status (spaced, words, G_N_ELEMENTS (words), status);
}

/**
 * evident_import_parse_met:
 * @text: a clean "Met?" answer
 * @status: (out): met for yes, not met for no, not applicable for n/a
 *
 * Returns: whether @text is such an answer
 */
gboolean
evident_import_parse_met (const char *text, EvidentStatus *status)
{
  static const StatusWord words[] = {
    { "yes", EVIDENT_STATUS_MET },
    { "y", EVIDENT_STATUS_MET },
    { "true", EVIDENT_STATUS_MET },
    { "met", EVIDENT_STATUS_MET },
    { "1", EVIDENT_STATUS_MET },
    { "x", EVIDENT_STATUS_MET },
    { "no", EVIDENT_STATUS_NOT_MET },
    { "n", EVIDENT_STATUS_NOT_MET },
    { "false", EVIDENT_STATUS_NOT_MET },
    { "not met", EVIDENT_STATUS_NOT_MET },
    { "0", EVIDENT_STATUS_NOT_MET },
    { "n/a", EVIDENT_STATUS_NOT_APPLICABLE },
    { "na", EVIDENT_STATUS_NOT_APPLICABLE },
    { "not applicable", EVIDENT_STATUS_NOT_APPLICABLE },
  };

  return lookup_status (text, words, G_N_ELEMENTS (words), status);
}

/**
 * evident_import_parse_complexity:
 *
 * Returns: the complexity @text names (`low`, `Medium`, `med`, `HIGH`),
 *   %EVIDENT_COMPLEXITY_NONE otherwise
 */
EvidentComplexity
evident_import_parse_complexity (const char *text)
{
  g_autofree char  *lower = g_ascii_strdown (text, -1);
  EvidentComplexity complexity = EVIDENT_COMPLEXITY_NONE;

  if (g_strcmp0 (lower, "med") == 0)
    return EVIDENT_COMPLEXITY_MEDIUM;
  if (!evident_complexity_from_string (lower, &complexity))
    return EVIDENT_COMPLEXITY_NONE;
  return complexity;
}
