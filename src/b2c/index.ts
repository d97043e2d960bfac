/**
 * The script a B2C page template loads (`<script defer>` in `<head>`): defines
 * every element and upgrades what B2C renders into #api.
 */
import '../index.js';
import { startBridge } from './bridge.js';

startBridge();
