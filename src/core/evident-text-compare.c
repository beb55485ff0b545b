/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Texts compared as people read them. Normalising makes two spellings of
 * the same words equal: Unicode compatibility forms (NFKC: ligatures,
 * full-width letters, non-breaking spaces), case (folded), punctuation and
 * symbols, bullets and list numbers at the start of a line, the
 * "Mandatory"/"Recommended" line of AWS's description cells, and runs of
 * white space. Edit distances count Unicode characters; a word diff is the
 * longest common subsequence of two texts' words. */

#include "config.h"

#include <string.h>

#include "evident-text-compare.h"

/* A word diff of texts longer than this (words × words) compares their
 * common start and end only: the middle is deleted and inserted whole. */
#define MAX_DIFF_CELLS (4u * 1024 * 1024)

/* Normalising */

static gboolean
is_separator (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

/* The length of a list number at the start of @line ("1.", "a)", "(iv)",
 * "12)"), with the white space after it; 0 if there is none. */
static gsize
enumerator_length (const char *line)
{
  const char *p = line;
  gboolean open = FALSE;
  gboolean digits = TRUE;
  gboolean roman = TRUE;
  gsize n = 0;

  if (*p == '(')
    {
      open = TRUE;
      p++;
    }
  for (; g_ascii_isalnum (*p) && n < 5; p++, n++)
    {
      digits = digits && g_ascii_isdigit (*p);
      roman = roman && strchr ("ivxlc", *p) != NULL;
    }
  if (n == 0 || !(digits || roman || n == 1) || (digits && n > 3))
    return 0;
  if (*p == ')' || (*p == '.' && !open))
    p++;
  else
    return 0;
  if (*p != '\0' && !g_ascii_isspace (*p))
    return 0;
  while (g_ascii_isspace (*p))
    p++;
  return p - line;
}

/* Whether @line, without punctuation, says only whether the item is
 * mandatory (AWS's description cells have such a second line). */
static gboolean
is_mandatory_line (const char *line)
{
  g_autoptr (GString) word = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_separator (c))
        g_string_append_unichar (word, c);
    }
  return g_str_equal (word->str, "mandatory") || g_str_equal (word->str, "recommended");
}

/* Appends the words of one folded line to @out, separated by spaces. */
static void
append_line_words (GString    *out,
                   const char *line)
{
  gboolean in_word = FALSE;

  line += enumerator_length (line);
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_separator (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word && out->len > 0)
        g_string_append_c (out, ' ');
      in_word = TRUE;
      g_string_append_unichar (out, c);
    }
}

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (nfkc != NULL ? nfkc : valid, -1);
}

/**
 * evident_text_normalize:
 * @text: (nullable): a text as a checklist writes it
 *
 * The text's words, normalised (see above), separated by single spaces.
 *
 * Returns: (transfer full): the words; "" for a text without any
 */
char *
evident_text_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto (GStrv) lines = NULL;
  GString *out;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  folded = fold (text);
  lines = g_strsplit_set (folded, "\n\r\v\f", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* Bullets are punctuation, and leave with it. */
      if (*line == '\0' || is_mandatory_line (line))
        continue;
      append_line_words (out, line);
    }
  return g_string_free (out, FALSE);
}

/**
 * evident_text_normalize_word:
 * @word: one word as a text writes it ("Backups,")
 *
 * Returns: (transfer full): the word as evident_text_normalize() has it
 *   ("backups"); "" for punctuation alone
 */
char *
evident_text_normalize_word (const char *word)
{
  g_autofree char *folded = fold (word);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_separator (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Edit distances */

/* Patterns of up to 64 characters take Myers's bit-parallel algorithm
 * (Hyyrö's form for the edit distance): one pass over the other text,
 * a few word operations per character. Longer ones take the textbook
 * dynamic programme. */
#define BIT_PARALLEL_MAX 64

struct _EvidentTextPattern
{
  gunichar *chars;
  glong     length;
  /* For the bit-parallel algorithm: the pattern's distinct characters,
   * sorted, and for each the positions where it occurs, as bits. */
  guint     n_distinct;
  gunichar  distinct[BIT_PARALLEL_MAX];
  guint64   masks[BIT_PARALLEL_MAX];
};

static int
compare_unichar (const void *a,
                 const void *b)
{
  gunichar ca = *(const gunichar *) a;
  gunichar cb = *(const gunichar *) b;

  return ca < cb ? -1 : ca > cb;
}

/**
 * evident_text_pattern_new:
 * @text: a text, compared as it is (normalise it first if need be)
 *
 * Returns: (transfer full): the text prepared for edit distances
 */
EvidentTextPattern *
evident_text_pattern_new (const char *text)
{
  EvidentTextPattern *pattern = g_new0 (EvidentTextPattern, 1);
  gunichar sorted[BIT_PARALLEL_MAX];

  pattern->chars = g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, &pattern->length);
  if (pattern->length == 0 || pattern->length > BIT_PARALLEL_MAX)
    return pattern;

  memcpy (sorted, pattern->chars, pattern->length * sizeof (gunichar));
  qsort (sorted, pattern->length, sizeof (gunichar), compare_unichar);
  for (glong i = 0; i < pattern->length; i++)
    {
      if (pattern->n_distinct == 0 || pattern->distinct[pattern->n_distinct - 1] != sorted[i])
        pattern->distinct[pattern->n_distinct++] = sorted[i];
    }
  for (glong i = 0; i < pattern->length; i++)
    {
      gunichar *found = bsearch (&pattern->chars[i], pattern->distinct, pattern->n_distinct,
                                 sizeof (gunichar), compare_unichar);

      pattern->masks[found - pattern->distinct] |= (guint64) 1 << i;
    }
  return pattern;
}

void
evident_text_pattern_free (EvidentTextPattern *pattern)
{
  if (pattern == NULL)
    return;
  g_free (pattern->chars);
  g_free (pattern);
}

guint
evident_text_pattern_get_length (const EvidentTextPattern *pattern)
{
  return pattern->length;
}

static inline guint64
pattern_mask (const EvidentTextPattern *pattern,
              gunichar                  c)
{
  guint low = 0;
  guint high = pattern->n_distinct;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (pattern->distinct[middle] < c)
        low = middle + 1;
      else
        high = middle;
    }
  return low < pattern->n_distinct && pattern->distinct[low] == c ? pattern->masks[low] : 0;
}

static guint
bit_parallel_distance (const EvidentTextPattern *pattern,
                       const gunichar           *text,
                       glong                     n)
{
  glong m = pattern->length;
  guint64 all = m == 64 ? G_MAXUINT64 : ((guint64) 1 << m) - 1;
  guint64 last = (guint64) 1 << (m - 1);
  guint64 pv = all;
  guint64 mv = 0;
  guint score = m;

  for (glong j = 0; j < n; j++)
    {
      guint64 eq = pattern_mask (pattern, text[j]);
      guint64 xv = eq | mv;
      guint64 xh = ((((eq & pv) + pv) & all) ^ pv) | eq;
      guint64 ph = mv | (~(xh | pv) & all);
      guint64 mh = pv & xh;

      if (ph & last)
        score++;
      else if (mh & last)
        score--;
      /* Row 0 of the table grows by one per character: the | 1. */
      ph = ((ph << 1) | 1) & all;
      mh = (mh << 1) & all;
      pv = mh | (~(xv | ph) & all);
      mv = ph & xv;
    }
  return score;
}

static guint
table_distance (const gunichar *a,
                glong           na,
                const gunichar *b,
                glong           nb)
{
  g_autofree guint *row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint best = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);

          best = MIN (best, above + 1);
          best = MIN (best, row[j - 1] + 1);
          diagonal = above;
          row[j] = best;
        }
    }
  return row[nb];
}

/**
 * evident_text_pattern_distance:
 * @pattern: a text prepared with evident_text_pattern_new()
 * @text: another
 *
 * Returns: the Levenshtein distance between the two, in characters
 */
guint
evident_text_pattern_distance (const EvidentTextPattern *pattern,
                               const EvidentTextPattern *text)
{
  if (pattern->length == 0)
    return text->length;
  if (text->length == 0)
    return pattern->length;
  if (pattern->length <= BIT_PARALLEL_MAX)
    return bit_parallel_distance (pattern, text->chars, text->length);
  if (text->length <= BIT_PARALLEL_MAX)
    return bit_parallel_distance (text, pattern->chars, pattern->length);
  return table_distance (pattern->chars, pattern->length, text->chars, text->length);
}

/**
 * evident_text_edit_distance:
 *
 * Returns: the Levenshtein distance between @a and @b, in characters
 */
guint
evident_text_edit_distance (const char *a,
                            const char *b)
{
  g_autoptr (EvidentTextPattern) pa = evident_text_pattern_new (a);
  g_autoptr (EvidentTextPattern) pb = evident_text_pattern_new (b);

  return evident_text_pattern_distance (pa, pb);
}

/**
 * evident_text_edit_similarity:
 *
 * Returns: 1 − the edit distance of @a and @b over the longer one's
 *   length: 1 for equal texts (two empty ones too), 0 for nothing alike
 */
double
evident_text_edit_similarity (const char *a,
                              const char *b)
{
  g_autoptr (EvidentTextPattern) pa = evident_text_pattern_new (a);
  g_autoptr (EvidentTextPattern) pb = evident_text_pattern_new (b);
  glong longer = MAX (pa->length, pb->length);

  if (longer == 0)
    return 1.0;
  return 1.0 - (double) evident_text_pattern_distance (pa, pb) / longer;
}

/* Word diffs */

typedef struct
{
  GPtrArray *words; /* as written */
  GPtrArray *keys;  /* normalised */
} Words;

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->words, g_ptr_array_unref);
  g_clear_pointer (&words->keys, g_ptr_array_unref);
}

static void
words_split (Words      *words,
             const char *text)
{
  const char *p = text != NULL ? text : "";

  words->words = g_ptr_array_new_with_free_func (g_free);
  words->keys = g_ptr_array_new_with_free_func (g_free);
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words->words, g_strndup (start, p - start));
      g_ptr_array_add (words->keys,
                       evident_text_normalize_word (g_ptr_array_index (words->words,
                                                                       words->words->len - 1)));
    }
}

static gboolean
keys_equal (const Words *a,
            guint        i,
            const Words *b,
            guint        j)
{
  return g_str_equal (g_ptr_array_index (a->keys, i), g_ptr_array_index (b->keys, j));
}

/* Adds @word to the diff, extending the last span when it has @op. */
static void
diff_add (GArray        *diff,
          EvidentDiffOp  op,
          const char    *word)
{
  EvidentDiffSpan *last = diff->len > 0 ? &g_array_index (diff, EvidentDiffSpan, diff->len - 1)
                                        : NULL;
  EvidentDiffSpan span = { op, NULL };
  char *joined;

  if (last != NULL && last->op == op)
    {
      joined = g_strconcat (last->text, " ", word, NULL);
      g_free (last->text);
      last->text = joined;
      return;
    }
  span.text = g_strdup (word);
  g_array_append_val (diff, span);
}

/* The longest common subsequence of the words between the common start
 * and end, by the textbook table; too large a middle is replaced whole. */
static void
diff_middle (GArray      *diff,
             const Words *a,
             guint        a0,
             guint        a1,
             const Words *b,
             guint        b0,
             guint        b1)
{
  guint na = a1 - a0;
  guint nb = b1 - b0;
  g_autofree guint16 *table = NULL;
  guint i = 0;
  guint j = 0;

#define CELL(x, y) table[(gsize) (x) * (nb + 1) + (y)]
  if ((guint64) (na + 1) * (nb + 1) > MAX_DIFF_CELLS || na >= G_MAXUINT16 || nb >= G_MAXUINT16)
    {
      for (guint k = a0; k < a1; k++)
        diff_add (diff, EVIDENT_DIFF_DELETE, g_ptr_array_index (a->words, k));
      for (guint k = b0; k < b1; k++)
        diff_add (diff, EVIDENT_DIFF_INSERT, g_ptr_array_index (b->words, k));
      return;
    }

  /* CELL (x, y): the longest common subsequence of a[x…] and b[y…]. */
  table = g_new0 (guint16, (gsize) (na + 1) * (nb + 1));
  for (guint x = na; x-- > 0;)
    for (guint y = nb; y-- > 0;)
      CELL (x, y) = keys_equal (a, a0 + x, b, b0 + y) ? CELL (x + 1, y + 1) + 1
                                                      : MAX (CELL (x + 1, y), CELL (x, y + 1));

  /* Deletions before insertions, so that a replaced word reads old, new. */
  while (i < na || j < nb)
    {
      if (i < na && j < nb && keys_equal (a, a0 + i, b, b0 + j))
        {
          diff_add (diff, EVIDENT_DIFF_EQUAL, g_ptr_array_index (b->words, b0 + j));
          i++;
          j++;
        }
      else if (i < na && (j == nb || CELL (i + 1, j) >= CELL (i, j + 1)))
        diff_add (diff, EVIDENT_DIFF_DELETE, g_ptr_array_index (a->words, a0 + i++));
      else
        diff_add (diff, EVIDENT_DIFF_INSERT, g_ptr_array_index (b->words, b0 + j++));
    }
#undef CELL
}

static void
diff_span_clear (gpointer data)
{
  EvidentDiffSpan *span = data;

  g_clear_pointer (&span->text, g_free);
}

/**
 * evident_text_word_diff:
 * @old_text: (nullable): the old text
 * @new_text: (nullable): the new text
 *
 * The words of @old_text and @new_text as runs of equal, deleted and
 * inserted words: the longest common subsequence of their words, compared
 * as evident_text_normalize() compares them. Line breaks count as spaces.
 *
 * Returns: (transfer full) (element-type EvidentDiffSpan): the runs; none
 *   for two empty texts
 */
GArray *
evident_text_word_diff (const char *old_text,
                        const char *new_text)
{
  GArray *diff = g_array_new (FALSE, TRUE, sizeof (EvidentDiffSpan));
  Words a = { 0 };
  Words b = { 0 };
  guint start = 0;
  guint end_a;
  guint end_b;

  g_array_set_clear_func (diff, diff_span_clear);
  words_split (&a, old_text);
  words_split (&b, new_text);
  end_a = a.words->len;
  end_b = b.words->len;

  while (start < end_a && start < end_b && keys_equal (&a, start, &b, start))
    start++;
  while (end_a > start && end_b > start && keys_equal (&a, end_a - 1, &b, end_b - 1))
    {
      end_a--;
      end_b--;
    }

  for (guint k = 0; k < start; k++)
    diff_add (diff, EVIDENT_DIFF_EQUAL, g_ptr_array_index (b.words, k));
  diff_middle (diff, &a, start, end_a, &b, start, end_b);
  for (guint k = end_b; k < b.words->len; k++)
    diff_add (diff, EVIDENT_DIFF_EQUAL, g_ptr_array_index (b.words, k));

  words_clear (&a);
  words_clear (&b);
  return diff;
}
