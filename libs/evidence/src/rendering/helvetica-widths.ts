/**
 * Advance widths of the printable ASCII characters (space to `~`) in thousandths of an em: the larger
 * of Helvetica's and Helvetica-Bold's (their Adobe font metrics), so that a width measured with them is
 * never short for either. Other characters count as an `M`.
 */
// prettier-ignore
const WIDTHS = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0-9 : ; < = > ?
  1015, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P-Z [ \ ] ^ _
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // ` a-o
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p-z { | } ~
];
const OTHER = 833;

/** The width of `text` in points at `fontSize`, in Helvetica or Helvetica-Bold, whichever is wider. */
export function helveticaWidth(text: string, fontSize: number): number {
  let thousandths = 0;
  for (const char of text) thousandths += WIDTHS[(char.codePointAt(0) ?? 0) - 32] ?? OTHER;
  return (thousandths * fontSize) / 1000;
}
