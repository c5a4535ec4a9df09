/**
 * What XlsxHost.toBuffer needs to save by patching the original package, in one module it loads when
 * it saves: the XML DOM these bring (@xmldom/xmldom) is not loaded by commands that only read.
 */
export { patchPackage, UnpatchableError } from './patch';
export { XmlPartError } from './xml';
