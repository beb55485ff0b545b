/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-error-text.h"

/*
 * Errors as the window shows them. The core names files by their whole
 * path, which the command line needs and a dialog does not: "“/home/ann/
 * Documents/Audits/2026/MSP.evident” is busy" reads "“MSP.evident” is
 * busy" in a dialog or a toast, where the user chose the file a moment
 * ago.
 */

/**
 * evident_error_text_shorten_paths:
 * @message: an error message
 *
 * Returns: (transfer full): @message with each quoted path (“/…/name”,
 *   “~/…/name”) shortened to the file's name
 */
char *
evident_error_text_shorten_paths (const char *message)
{
  static GRegex *quoted_path;
  g_autoptr (GError) error = NULL;
  char *shortened;

  g_return_val_if_fail (message != NULL, NULL);

  if (g_once_init_enter (&quoted_path))
    {
      GRegex *regex = g_regex_new ("“~?/(?:[^”]*/)?([^/”]+)”", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&quoted_path, regex);
    }

  shortened = g_regex_replace (quoted_path, message, -1, 0, "“\\1”", 0, &error);
  if (shortened == NULL)
    return g_strdup (message);
  return shortened;
}
