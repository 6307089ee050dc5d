package kautz.lang.ast;

/** A module-level declaration. */
public sealed interface Item extends Node permits Import, ConstDecl, MemDecl, FnDecl, KernelDecl {}
