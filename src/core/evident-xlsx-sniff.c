/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a file handed to the workbook reader is, from its first bytes: a zip
 * archive (what an .xlsx is), or a compound file (OLE2/CFB), which is what
 * Excel makes of a workbook protected with a password (its directory holds
 * "EncryptionInfo" and "EncryptedPackage") and what an Excel 97–2003
 * workbook is (a "Workbook" or "Book" stream). The compound file's
 * directory is walked with every offset checked: the file is untrusted. */

#include "config.h"

#include <string.h>

#include "evident-xlsx-private.h"

#define CFB_HEADER_SIZE    512
#define CFB_DIRENT_SIZE    128
#define CFB_HEADER_DIFAT   109
#define CFB_MAX_REGULAR    0xfffffffaU
#define CFB_END_OF_CHAIN   0xfffffffeU

static const guint8 zip_magic[] = { 'P', 'K', 0x03, 0x04 };
static const guint8 zip_empty_magic[] = { 'P', 'K', 0x05, 0x06 };
static const guint8 cfb_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

typedef struct
{
  const guint8 *data;
  gsize         size;
  guint         sector_size;
  guint32      *fat;
  gsize         n_fat;
} Cfb;

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

/* The sector's bytes, or NULL when it lies outside the file. */
static const guint8 *
cfb_sector (Cfb *cfb, guint32 sector)
{
  guint64 offset = ((guint64) sector + 1) * cfb->sector_size;

  if (sector > CFB_MAX_REGULAR || offset + cfb->sector_size > cfb->size)
    return NULL;
  return cfb->data + offset;
}

/* Appends the FAT sector's entries to the FAT. */
static gboolean
cfb_add_fat_sector (Cfb *cfb, GArray *fat, guint32 sector)
{
  const guint8 *p = cfb_sector (cfb, sector);

  if (p == NULL)
    return FALSE;
  for (guint i = 0; i < cfb->sector_size / 4; i++)
    {
      guint32 next = read_u32 (p + 4 * i);
      g_array_append_val (fat, next);
    }
  return TRUE;
}

/* The FAT, from the sectors the header lists and those of the DIFAT chain. */
static gboolean
cfb_load_fat (Cfb *cfb)
{
  const guint8 *header = cfb->data;
  guint32 n_fat_sectors = read_u32 (header + 44);
  guint32 difat = read_u32 (header + 68);
  guint   per_difat = cfb->sector_size / 4 - 1;
  guint   max_sectors = cfb->size / cfb->sector_size;
  guint   added = 0;
  g_autoptr (GArray) fat = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (n_fat_sectors > max_sectors)
    return FALSE;

  for (guint i = 0; i < CFB_HEADER_DIFAT && added < n_fat_sectors; i++, added++)
    if (!cfb_add_fat_sector (cfb, fat, read_u32 (header + 76 + 4 * i)))
      return FALSE;

  for (guint hops = 0; added < n_fat_sectors; hops++)
    {
      const guint8 *p = cfb_sector (cfb, difat);

      if (p == NULL || hops > max_sectors)
        return FALSE;
      for (guint i = 0; i < per_difat && added < n_fat_sectors; i++, added++)
        if (!cfb_add_fat_sector (cfb, fat, read_u32 (p + 4 * i)))
          return FALSE;
      difat = read_u32 (p + 4 * per_difat);
    }

  cfb->n_fat = fat->len;
  cfb->fat = (guint32 *) g_array_free (g_steal_pointer (&fat), FALSE);
  return TRUE;
}

/* Whether the directory entry's name is @name, ASCII case ignored. */
static gboolean
dirent_has_name (const guint8 *entry, const char *name)
{
  guint16 bytes = read_u16 (entry + 64);
  gsize   len = strlen (name);

  if (bytes != (len + 1) * 2)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      guint16 c = read_u16 (entry + 2 * i);

      if (c > 0x7f || g_ascii_tolower (c) != g_ascii_tolower (name[i]))
        return FALSE;
    }
  return TRUE;
}

static EvidentXlsxKind
cfb_classify (Cfb *cfb)
{
  guint16 shift = read_u16 (cfb->data + 30);
  guint32 sector = read_u32 (cfb->data + 48);
  guint   max_sectors;
  gboolean encrypted = FALSE;
  gboolean workbook = FALSE;

  if (shift != 9 && shift != 12)
    return EVIDENT_XLSX_KIND_COMPOUND;
  cfb->sector_size = 1u << shift;
  max_sectors = cfb->size / cfb->sector_size;
  if (!cfb_load_fat (cfb))
    return EVIDENT_XLSX_KIND_COMPOUND;

  /* Follow the directory's chain of sectors, at most once round the file. */
  for (guint hops = 0; sector != CFB_END_OF_CHAIN; hops++)
    {
      const guint8 *p = cfb_sector (cfb, sector);

      if (p == NULL || hops > max_sectors || sector >= cfb->n_fat)
        return EVIDENT_XLSX_KIND_COMPOUND;
      for (guint offset = 0; offset + CFB_DIRENT_SIZE <= cfb->sector_size;
           offset += CFB_DIRENT_SIZE)
        {
          const guint8 *entry = p + offset;

          if (entry[66] == 0) /* unused */
            continue;
          if (dirent_has_name (entry, "EncryptionInfo")
              || dirent_has_name (entry, "EncryptedPackage"))
            encrypted = TRUE;
          else if (dirent_has_name (entry, "Workbook") || dirent_has_name (entry, "Book"))
            workbook = TRUE;
        }
      sector = cfb->fat[sector];
    }

  if (encrypted)
    return EVIDENT_XLSX_KIND_ENCRYPTED;
  return workbook ? EVIDENT_XLSX_KIND_XLS : EVIDENT_XLSX_KIND_COMPOUND;
}

EvidentXlsxKind
evident_xlsx_sniff (GBytes *bytes)
{
  gsize         size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  Cfb           cfb = { data, size, 0, NULL, 0 };
  EvidentXlsxKind kind;

  if (size >= sizeof zip_magic
      && (memcmp (data, zip_magic, sizeof zip_magic) == 0
          || memcmp (data, zip_empty_magic, sizeof zip_empty_magic) == 0))
    return EVIDENT_XLSX_KIND_ZIP;

  if (size < CFB_HEADER_SIZE || memcmp (data, cfb_magic, sizeof cfb_magic) != 0)
    return EVIDENT_XLSX_KIND_UNKNOWN;

  kind = cfb_classify (&cfb);
  g_free (cfb.fat);
  return kind;
}

/**
 * evident_bytes_look_like_xlsx:
 *
 * Whether @bytes belong to evident_workbook_load() rather than to a CSV
 * reader: a zip archive (an .xlsx file, or a zip that load refuses), or a
 * compound file, which load refuses with a message that says what to do
 * (an encrypted workbook, an .xls file).
 *
 * Returns: %TRUE for a zip archive or a compound file
 */
gboolean
evident_bytes_look_like_xlsx (GBytes *bytes)
{
  gsize         size;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (size >= sizeof cfb_magic && memcmp (data, cfb_magic, sizeof cfb_magic) == 0)
    return TRUE;
  return evident_xlsx_sniff (bytes) == EVIDENT_XLSX_KIND_ZIP;
}
