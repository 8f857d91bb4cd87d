import {
  VALUE_CHARACTERISTICS,
  type DataAsset,
  type IntendedUse,
  type ValueCharacteristic,
} from "../../document/schema";

/**
 * The guide's data value profile (chapter 5, "Pricing your data"): each data asset is low or high on
 * six characteristics, and its intended use says how much it contributes to the foreground IP a
 * partner builds. This product calls an asset high-value when most of its characteristics are high
 * (four or more of six), and counts training, validating or deploying an AI model and real-world
 * studies as uses that build a product on the data.
 */

export const HIGH_VALUE_THRESHOLD = 4;

/** Uses through which the data goes into a product the partner can sell. */
export const PRODUCT_BUILDING_USES: ReadonlySet<IntendedUse> = new Set<IntendedUse>([
  "train-validate-ai-model",
  "deploy-ai-model",
  "real-world-study",
]);

export function highCharacteristics(asset: DataAsset): ValueCharacteristic[] {
  return VALUE_CHARACTERISTICS.filter((characteristic) => asset[characteristic] === "high");
}

export function isHighValue(asset: DataAsset): boolean {
  return highCharacteristics(asset).length >= HIGH_VALUE_THRESHOLD;
}

/** "High value (4 of 6 characteristics high)" or "Low value (2 of 6 ...)", for sheets and messages. */
export function valueProfileSummary(asset: DataAsset): string {
  const high = highCharacteristics(asset).length;
  return `${isHighValue(asset) ? "High" : "Lower"} value: ${high} of ${VALUE_CHARACTERISTICS.length} characteristics high`;
}
