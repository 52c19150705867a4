import Image, { type ImageProps } from "next/image";
import { cn } from "@/components/ui/cn";

/**
 * A drawing with a light and a dark version; CSS shows the one for the painted theme. Both are lazy, and a lazy
 * image that is display:none is never fetched, so each visitor downloads one.
 */
export function ThemedImage({ darkSrc, className, alt, ...props }: ImageProps & { darkSrc: string }) {
  return (
    <>
      <Image {...props} alt={alt} className={cn(className, "block dark:hidden")} />
      <Image {...props} alt={alt} src={darkSrc} className={cn(className, "hidden dark:block")} />
    </>
  );
}
