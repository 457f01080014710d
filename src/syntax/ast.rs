//! The abstract syntax tree of ECMAScript 2025 (+ source phase imports).
//!
//! The tree follows the spec's grammar closely enough that each Runtime Semantics can be
//! written against it, while collapsing the precedence cascade into `Binary`/`Logical`
//! nodes. Every node carries a [`Span`] of byte offsets into the source text.
//!
//! Cover grammars are resolved by the builder: an `AssignmentPattern` is always a
//! [`Pattern`], never an expression; `ParenthesizedExpression` is kept as
//! [`ExprKind::Paren`] because early errors and NamedEvaluation need to see it.

use std::sync::Arc;

/// A half-open range of byte offsets `[start, end)` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }
}

/// The String value of a string literal or template: UTF-16 code units, as ECMAScript
/// strings are (lone surrogates are possible).
pub type JsString = Vec<u16>;

/// An identifier's StringValue, shared: the builder gives every occurrence of one name in
/// a parse the same block (issue 21, memory per statement: 16 bytes of the `Ident` instead
/// of a 24-byte `String` and a heap block of its own per occurrence). Reads as a `str`;
/// prints (`Debug`, `Display`) exactly as a `String` would.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The shared name itself (a binding of the name shares it rather than copying it).
    pub fn shared(&self) -> &Arc<str> {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Name {
    fn from(name: &str) -> Name {
        Name(Arc::from(name))
    }
}

impl From<String> for Name {
    fn from(name: String) -> Name {
        Name(Arc::from(name))
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.to_string()
    }
}

impl From<&Name> for String {
    fn from(name: &Name) -> String {
        name.0.to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

/// An identifier: its StringValue (escapes decoded) and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
    /// The source spelled it with a `\u` escape (escaped keywords are never keywords).
    pub escaped: bool,
    /// Where ResolveBinding found this identifier's binding the last time (for the
    /// identifiers `slot_caches` marks; not part of the tree's meaning).
    pub place: PlaceCache,
}

/// Where an identifier's binding was found, kept on the identifier by the interpreter so
/// that the next evaluation goes straight there (docs/ARCHITECTURE.md, "Identifier
/// places"). Only identifiers that [`crate::syntax::slot_caches`] marks eligible keep one:
/// for them the environment chain every evaluation walks has the same records with the
/// same bindings in the same positions, up to the Global Environment Record.
///
/// An atomic word (the tree is shared between threads): 0 not eligible, 1 eligible and not
/// yet resolved, `hops << 2 | 2` with the binding's position above: the binding is at that
/// position of the declarative record `hops` records out, `hops << 2 | 3`: the name is not
/// bound before the Global Environment Record, `hops` records out. Beside it, the
/// [`name_hash`] of the identifier's name, which a binding found through the place must
/// have.
pub struct PlaceCache {
    word: std::sync::atomic::AtomicU32,
    pub name_hash: u32,
    /// For a [`Place::Global`]: where the global object had the name as an own data
    /// property, `version << 24 | (index + 1)` (0: not known), with `version` the global
    /// record's version (which changes with the names of its declarative part) and `index`
    /// the property's position in the object's property map.
    global: std::sync::atomic::AtomicU64,
}

/// A 32-bit hash of a binding name (FNV-1a), kept by identifiers and bindings so that a
/// binding reached through a place is checked against the identifier's name with one
/// comparison.
#[inline]
pub fn name_hash(name: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

/// What a [`PlaceCache`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Not eligible: resolve by name.
    Ineligible,
    /// Eligible, not resolved yet.
    Unresolved,
    /// Position `slot` of the bindings of the declarative record `hops` records out
    /// (declarative, function or module record, or a global record's declarative part).
    Slot { hops: u32, slot: u32 },
    /// Only the Global Environment Record, `hops` records out, can have the binding.
    Global { hops: u32 },
}

/// Largest `hops` a [`PlaceCache`] keeps (8 bits).
const MAX_HOPS: u32 = 0xff;
/// Largest position a [`PlaceCache`] keeps (22 bits).
const MAX_SLOT: u32 = 0x3f_ffff;

impl PlaceCache {
    /// The (not eligible) cache of an identifier named `name`.
    pub fn for_name(name: &str) -> PlaceCache {
        PlaceCache {
            word: std::sync::atomic::AtomicU32::new(0),
            name_hash: name_hash(name),
            global: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The global record version and property index kept for a [`Place::Global`].
    #[inline(always)]
    pub fn global_property(&self) -> Option<(u64, u32)> {
        let word = self.global.load(std::sync::atomic::Ordering::Relaxed);
        if word == 0 {
            return None;
        }
        Some((word >> 24, (word & 0xff_ffff) as u32 - 1))
    }

    /// Keeps where the global object had the name (versions and indexes too large are not
    /// kept).
    pub fn set_global_property(&self, version: u64, index: u32) {
        if version < 1 << 40 && index < 0xff_fffe {
            let word = version << 24 | u64::from(index + 1);
            self.global
                .store(word, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Marks the identifier as one whose binding place may be kept.
    pub fn mark_eligible(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        let _ = self.word.compare_exchange(0, 1, Relaxed, Relaxed);
    }

    #[inline(always)]
    pub fn get(&self) -> Place {
        let word = self.word.load(std::sync::atomic::Ordering::Relaxed);
        match word & 3 {
            0 => Place::Ineligible,
            1 => Place::Unresolved,
            2 => Place::Slot {
                hops: (word >> 2) & MAX_HOPS,
                slot: word >> 10,
            },
            _ => Place::Global {
                hops: (word >> 2) & MAX_HOPS,
            },
        }
    }

    /// Keeps `place` for an eligible identifier (places too far out are not kept).
    pub fn set(&self, place: Place) {
        let word = match place {
            Place::Slot { hops, slot } if hops <= MAX_HOPS && slot <= MAX_SLOT => {
                slot << 10 | hops << 2 | 2
            }
            Place::Global { hops } if hops <= MAX_HOPS => hops << 2 | 3,
            Place::Ineligible => 0,
            _ => return,
        };
        use std::sync::atomic::Ordering::Relaxed;
        if self.word.load(Relaxed) != 0 {
            self.word.store(word, Relaxed);
        }
    }
}

/// A copy is eligible when the original is, and resolves afresh.
impl Clone for PlaceCache {
    fn clone(&self) -> PlaceCache {
        let eligible = u32::from(self.get() != Place::Ineligible);
        PlaceCache {
            word: std::sync::atomic::AtomicU32::new(eligible),
            name_hash: self.name_hash,
            global: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

/// Not part of the tree's meaning: every two caches are equal.
impl PartialEq for PlaceCache {
    fn eq(&self, _: &PlaceCache) -> bool {
        true
    }
}

impl std::fmt::Debug for PlaceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlaceCache")
    }
}

/// Script or Module: the goal symbol a text was parsed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    Script,
    Module,
}

/// A parsed Script or Module.
#[derive(Clone, Debug)]
pub struct Program {
    pub goal: Goal,
    pub body: Vec<Stmt>,
    /// The whole text is strict mode code (a Module, or a `"use strict"` prologue, or
    /// strictness inherited from the parse options).
    pub strict: bool,
    pub span: Span,
    /// Static semantics of the top-level scope, filled by `static_semantics`.
    pub scope: ScopeInfo,
    /// Module-only static semantics (empty for scripts).
    pub module: ModuleInfo,
}

// ---------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `var`, `let`, `const`, `using`, `await using` declarations.
    Var(VarDecl),
    Function(Arc<Function>),
    Class(Box<Class>),
    /// ExpressionStatement. `directive` holds the raw text (without quotes) when this
    /// statement is part of a directive prologue. The expression is held in place, not
    /// boxed, and the rare directive text is boxed (issue 21, memory per statement: an
    /// expression statement is the most common statement, and its box was an 80-byte
    /// chunk of its own).
    Expr {
        expr: Expr,
        directive: Option<Box<String>>,
    },
    Block(Block),
    Empty,
    Debugger,
    If {
        test: Box<Expr>,
        consequent: Box<Stmt>,
        alternate: Option<Box<Stmt>>,
    },
    // (The larger parts of the loop and try statements are boxed: a Stmt is one slot of
    // every statement list, 56 bytes instead of 160 — issue 21, memory per source byte.)
    For {
        init: Option<Box<ForInit>>,
        test: Option<Box<Expr>>,
        update: Option<Box<Expr>>,
        body: Box<Stmt>,
        /// Whether the loop's code can create a closure: it contains a function, a class or
        /// a call `eval(...)`. Only then can the environments CreatePerIterationEnvironment
        /// makes be told apart from reusing the first one (docs/ARCHITECTURE.md). `true`
        /// until the scope annotation (`early_errors::annotate`) has looked.
        closures: bool,
        /// Whether a closure its code can create can refer to the loop's `let` bindings: a
        /// function in it refers to one of their names, or it contains a class or a call
        /// `eval(...)`. Only then can the per-iteration copies be told apart from loopEnv
        /// by a program (with `--trace` off: the trace shows CreatePerIterationEnvironment
        /// whenever `closures` is true). `true` until the scope annotation has looked.
        captures: bool,
    },
    ForIn {
        left: Box<ForHead>,
        right: Box<Expr>,
        body: Box<Stmt>,
    },
    ForOf {
        left: Box<ForHead>,
        right: Box<Expr>,
        body: Box<Stmt>,
        is_await: bool,
    },
    While {
        test: Box<Expr>,
        body: Box<Stmt>,
    },
    DoWhile {
        body: Box<Stmt>,
        test: Box<Expr>,
    },
    // (Labels are boxed, as the larger parts of other statements are: a Stmt is 56 bytes.)
    Continue(Option<Box<Ident>>),
    Break(Option<Box<Ident>>),
    Return(Option<Box<Expr>>),
    With {
        object: Box<Expr>,
        body: Box<Stmt>,
    },
    Switch {
        discriminant: Box<Expr>,
        cases: Vec<SwitchCase>,
    },
    Labeled {
        label: Box<Ident>,
        body: Box<Stmt>,
    },
    Throw(Box<Expr>),
    Try {
        block: Box<Block>,
        handler: Option<Box<CatchClause>>,
        finalizer: Option<Box<Block>>,
    },
    Import(Box<ImportDecl>),
    Export(Box<ExportDecl>),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub span: Span,
    pub body: Vec<Stmt>,
    /// The StatementList declares something lexically (a `let`, `const`, `using`, class or
    /// function declaration, possibly labelled): only then does the Block need an
    /// environment of its own.
    pub scoped: bool,
    /// For a Block whose StatementList declares something lexically but no function: the
    /// bindings BlockDeclarationInstantiation (14.2.3) step 3 creates, in order — the
    /// BoundNames of its LexicallyScopedDeclarations, each with whether
    /// IsConstantDeclaration is true of its declaration (`static_semantics::names::
    /// lexical_binding_names`). Found once here rather than by walking the declarations
    /// each time the Block is evaluated. `None` otherwise.
    pub lexical_bindings: Option<thin_vec::ThinVec<LexicalName>>,
}

/// A name BlockDeclarationInstantiation binds ([`Block::lexical_bindings`]).
#[derive(Clone, Debug)]
pub struct LexicalName {
    pub name: Name,
    /// `name_hash(name)`.
    pub name_hash: u32,
    /// The process-wide interned copy of the name (`syntax::interned_names`), when it has
    /// one: a binding made of it holds no reference count (memory only).
    pub interned: Option<&'static str>,
    /// IsConstantDeclaration of its declaration: an immutable binding.
    pub constant: bool,
}

/// Whether a statement is a lexical declaration of a StatementList (LexicallyScopedDeclarations
/// has an element for it).
pub fn is_lexical_declaration(statement: &Stmt) -> bool {
    match &statement.kind {
        StmtKind::Var(d) => d.kind != VarKind::Var,
        StmtKind::Function(_) | StmtKind::Class(_) => true,
        StmtKind::Labeled { body, .. } => is_lexical_declaration(body),
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Var,
    Let,
    Const,
    Using,
    AwaitUsing,
}

#[derive(Clone, Debug)]
pub struct VarDecl {
    pub kind: VarKind,
    pub declarations: Vec<VarDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct VarDeclarator {
    pub target: Pattern,
    pub init: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ForInit {
    Var(VarDecl),
    Expr(Box<Expr>),
}

/// The left side of `for-in` / `for-of`.
#[derive(Clone, Debug)]
pub enum ForHead {
    /// `var`/`let`/`const`/`using` with exactly one declarator (an initializer is only
    /// syntactically possible in the Annex B `for (var x = e in o)` form, rejected as an
    /// early error here).
    Var(VarDecl),
    /// A LeftHandSideExpression reinterpreted as an assignment target.
    Pattern(Box<Pattern>),
}

#[derive(Clone, Debug)]
pub struct SwitchCase {
    pub span: Span,
    /// `None` for `default:`.
    pub test: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct CatchClause {
    pub span: Span,
    pub param: Option<Pattern>,
    pub body: Block,
}

// ---------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// IdentifierReference.
    Ident(Ident),
    This,
    Null,
    Bool(bool),
    Number(f64),
    /// A BigInt literal: the digits as written, with any `0x`/`0o`/`0b` prefix kept and
    /// numeric separators and the `n` suffix removed.
    BigInt(String),
    String(JsString),
    Template(Box<Template>),
    TaggedTemplate {
        tag: Box<Expr>,
        quasi: Box<Template>,
    },
    RegExp {
        pattern: String,
        flags: String,
    },
    Array(Vec<ArrayElement>),
    Object(Vec<PropDef>),
    Function(Arc<Function>),
    Arrow(Arc<Function>),
    Class(Box<Class>),
    Unary {
        op: UnaryOp,
        argument: Box<Expr>,
    },
    Update {
        op: UpdateOp,
        prefix: bool,
        /// A simple assignment target: `Pattern::Ident` or `Pattern::Expr` (member).
        /// Held in place (a `Pattern` fits beside the operator in the 64 bytes of the
        /// largest variants), not boxed: issue 21, memory per statement.
        target: Pattern,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Logical {
        op: LogicalOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `#x in obj`.
    PrivateIn {
        name: Box<Ident>,
        right: Box<Expr>,
    },
    Conditional {
        test: Box<Expr>,
        consequent: Box<Expr>,
        alternate: Box<Expr>,
    },
    Assign {
        op: AssignOp,
        /// Held in place, as `Update`'s target is.
        target: Pattern,
        value: Box<Expr>,
    },
    Sequence(Vec<Expr>),
    Paren(Box<Expr>),
    Member {
        object: Box<Expr>,
        property: MemberProp,
        /// `?.` stands directly before this property access.
        optional: bool,
    },
    SuperMember(MemberProp),
    Call {
        callee: Box<Expr>,
        arguments: Vec<Argument>,
        /// `?.` stands directly before the argument list.
        optional: bool,
    },
    SuperCall(Vec<Argument>),
    New {
        callee: Box<Expr>,
        arguments: Vec<Argument>,
    },
    /// OptionalExpression: the extent that a `?.` short-circuits.
    OptionalChain(Box<Expr>),
    NewTarget,
    ImportMeta,
    /// `import(specifier, options)`, `import.source(specifier)`, `import.defer(specifier)`.
    ImportCall {
        phase: ImportPhase,
        specifier: Box<Expr>,
        options: Option<Box<Expr>>,
    },
    Yield {
        argument: Option<Box<Expr>>,
        delegate: bool,
    },
    Await(Box<Expr>),
}

#[derive(Clone, Debug)]
pub enum ArrayElement {
    Hole,
    Expr(Expr),
    Spread(Expr),
}

#[derive(Clone, Debug)]
pub enum Argument {
    Expr(Expr),
    Spread(Expr),
}

#[derive(Clone, Debug)]
pub enum MemberProp {
    /// `.name` (any IdentifierName, reserved words included).
    Ident(Ident),
    /// `[expr]`.
    Computed(Box<Expr>),
    /// `.#name` (boxed: private names are rare, and an `Expr` is 72 bytes instead of 88 —
    /// issue 21, memory per statement).
    Private(Box<Ident>),
}

#[derive(Clone, Debug)]
pub struct Template {
    pub span: Span,
    pub quasis: Vec<TemplateElement>,
    pub expressions: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct TemplateElement {
    pub span: Span,
    /// TV: `None` when the element holds an invalid escape (allowed only when tagged).
    pub cooked: Option<JsString>,
    /// TRV.
    pub raw: JsString,
}

#[derive(Clone, Debug)]
pub enum PropDef {
    KeyValue {
        key: PropKey,
        value: Expr,
    },
    /// `{ a }`.
    Shorthand(Ident),
    /// `{ a = 1 }`: only valid when the object literal is reinterpreted as a pattern.
    CoverInitializedName {
        name: Ident,
        init: Expr,
        span: Span,
    },
    Method {
        key: PropKey,
        kind: MethodKind,
        function: Arc<Function>,
    },
    Spread(Expr),
    /// `__proto__: v` written with a literal (not computed, not shorthand) key:
    /// PropertyDefinitionEvaluation sets the prototype instead of defining a property.
    Proto {
        value: Expr,
        span: Span,
    },
}

#[derive(Clone, Debug)]
pub enum PropKey {
    Ident(Ident),
    String(JsString, Span),
    Number(f64, Span),
    BigInt(String, Span),
    Computed(Box<Expr>),
    Private(Ident),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Method,
    Get,
    Set,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Minus,
    Plus,
    Not,
    BitNot,
    Typeof,
    Void,
    Delete,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOp {
    Increment,
    Decrement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    In,
    Instanceof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
    Coalesce,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    /// `op=` for an arithmetic/bitwise operator.
    Compound(BinaryOp),
    /// `&&=`, `||=`, `??=`.
    Logical(LogicalOp),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportPhase {
    Evaluation,
    Source,
    Defer,
}

// ---------------------------------------------------------------------------------------
// Patterns (binding patterns and assignment patterns share one type)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub enum Pattern {
    /// BindingIdentifier, or a simple IdentifierReference assignment target.
    Ident(Ident),
    /// An assignment target that is a member expression (assignment patterns only);
    /// also holds a parenthesized simple target such as `(a.b)` or `(x)`.
    Expr(Box<Expr>),
    Object {
        span: Span,
        properties: Vec<ObjectPatternProp>,
        rest: Option<Box<Pattern>>,
    },
    Array {
        span: Span,
        elements: Vec<Option<PatternElement>>,
        rest: Option<Box<Pattern>>,
    },
}

/// A target with an optional default: `x = 1`, `[a] = []`.
#[derive(Clone, Debug)]
pub struct PatternElement {
    pub span: Span,
    pub target: Pattern,
    pub init: Option<Box<Expr>>,
}

#[derive(Clone, Debug)]
pub struct ObjectPatternProp {
    pub span: Span,
    pub key: PropKey,
    /// For shorthand `{ a = 1 }` the value is `Pattern::Ident(a)`.
    pub value: PatternElement,
    pub shorthand: bool,
}

impl Pattern {
    pub fn span(&self) -> Span {
        match self {
            Pattern::Ident(id) => id.span,
            Pattern::Expr(e) => e.span,
            Pattern::Object { span, .. } | Pattern::Array { span, .. } => *span,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Functions and classes
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// FunctionDeclaration / FunctionExpression (and their generator/async forms).
    Normal,
    Arrow,
    /// A method of an object literal or class (not a constructor).
    Method,
    Getter,
    Setter,
    /// A class constructor; `derived` when the class has an `extends` clause.
    ClassConstructor {
        derived: bool,
    },
    /// A class field initializer, evaluated as a method with no parameters.
    ClassField,
    /// A class `static { }` block.
    ClassStaticBlock,
}

#[derive(Clone, Debug)]
pub struct Function {
    pub kind: FunctionKind,
    pub id: Option<Ident>,
    pub is_async: bool,
    pub is_generator: bool,
    pub params: Vec<PatternElement>,
    pub rest: Option<Pattern>,
    pub body: FunctionBody,
    /// The function's code is strict mode code.
    pub strict: bool,
    /// The body itself begins with a `"use strict"` directive.
    pub has_use_strict: bool,
    /// IsSimpleParameterList.
    pub simple_params: bool,
    /// The whole source text of the function (for `Function.prototype.toString`).
    pub span: Span,
    /// Static semantics of the function's scope, filled by `static_semantics`.
    pub scope: ScopeInfo,
}

#[derive(Clone, Debug)]
pub enum FunctionBody {
    Block(Vec<Stmt>),
    /// The ConciseBody of an arrow function, or a class field initializer.
    Expr(Box<Expr>),
}

#[derive(Clone, Debug)]
pub struct Class {
    pub span: Span,
    pub id: Option<Ident>,
    pub super_class: Option<Box<Expr>>,
    pub constructor: Option<Arc<Function>>,
    pub elements: Vec<ClassElement>,
}

#[derive(Clone, Debug)]
pub enum ClassElement {
    Method {
        span: Span,
        is_static: bool,
        key: PropKey,
        kind: MethodKind,
        function: Arc<Function>,
    },
    Field {
        span: Span,
        is_static: bool,
        key: PropKey,
        /// The initializer as a `FunctionKind::ClassField` function, if any.
        initializer: Option<Arc<Function>>,
    },
    StaticBlock(Arc<Function>),
}

// ---------------------------------------------------------------------------------------
// Modules
// ---------------------------------------------------------------------------------------

/// ModuleExportName: an IdentifierName or a string literal.
#[derive(Clone, Debug, PartialEq)]
pub enum ModuleExportName {
    Ident(Ident),
    String(JsString, Span),
}

#[derive(Clone, Debug)]
pub struct ImportAttribute {
    pub span: Span,
    pub key: JsString,
    pub value: JsString,
}

#[derive(Clone, Debug)]
pub struct ModuleSpecifier {
    pub span: Span,
    pub value: JsString,
}

#[derive(Clone, Debug)]
pub struct ImportDecl {
    pub phase: ImportPhase,
    /// `import x from`, `import source x from`.
    pub default: Option<Ident>,
    /// `import * as ns from`.
    pub namespace: Option<Ident>,
    /// `import { a as b } from`.
    pub named: Vec<ImportSpecifier>,
    pub source: ModuleSpecifier,
    pub attributes: Vec<ImportAttribute>,
}

#[derive(Clone, Debug)]
pub struct ImportSpecifier {
    pub span: Span,
    pub imported: ModuleExportName,
    pub local: Ident,
}

#[derive(Clone, Debug)]
pub enum ExportDecl {
    /// `export { a, b as c }` and `export { a } from "m"`.
    Named {
        specifiers: Vec<ExportSpecifier>,
        source: Option<ModuleSpecifier>,
        attributes: Vec<ImportAttribute>,
    },
    /// `export * from "m"` and `export * as ns from "m"`.
    All {
        exported: Option<ModuleExportName>,
        source: ModuleSpecifier,
        attributes: Vec<ImportAttribute>,
    },
    /// `export var/let/const/function/class ...`.
    Declaration(Stmt),
    /// `export default function ...` / `export default class ...` (possibly anonymous).
    DefaultFunction(Arc<Function>),
    DefaultClass(Box<Class>),
    /// `export default AssignmentExpression;`.
    DefaultExpr(Box<Expr>),
}

#[derive(Clone, Debug)]
pub struct ExportSpecifier {
    pub span: Span,
    pub local: ModuleExportName,
    pub exported: ModuleExportName,
}

// ---------------------------------------------------------------------------------------
// Static semantics kept with the tree
// ---------------------------------------------------------------------------------------

/// What a declaration introduces into its scope (one element of
/// LexicallyScopedDeclarations or VarScopedDeclarations), by where it stands.
#[derive(Clone, Debug, PartialEq)]
pub enum DeclRef {
    /// A `var` declarator's BoundNames.
    Var(Vec<String>),
    /// A `let`/`const`/`using` declaration's BoundNames.
    Lexical { names: Vec<String>, constant: bool },
    /// A class declaration.
    Class(String),
    /// A function (or generator/async) declaration; `name` is `*default*` for an
    /// anonymous `export default function`. `index` is the position, in its statement list,
    /// of the statement that holds it: the declaration itself, or the labelled statement or
    /// export declaration around it.
    Function { name: String, index: usize },
}

/// The scope-level static semantics of a Script, Module or function body.
#[derive(Clone, Debug, Default)]
pub struct ScopeInfo {
    /// VarDeclaredNames, in source order, without duplicates.
    pub var_declared_names: Vec<String>,
    /// LexicallyDeclaredNames, in source order.
    pub lexically_declared_names: Vec<String>,
    /// VarScopedDeclarations.
    pub var_scoped_declarations: Vec<DeclRef>,
    /// LexicallyScopedDeclarations.
    pub lexically_scoped_declarations: Vec<DeclRef>,
    /// The scope's code refers to `arguments` (functions only; arrows see through).
    pub uses_arguments: bool,
    /// The scope contains a direct call `eval(...)` (possibly a direct eval).
    pub has_direct_eval: bool,
    /// Functions only: the BoundNames of the FormalParameters, in order.
    pub parameter_names: Vec<String>,
    /// Functions only: `parameter_names` has any duplicate entries.
    pub has_duplicate_parameters: bool,
    /// Functions only: ContainsExpression of the FormalParameters.
    pub has_parameter_expressions: bool,
    /// Functions only: the function's code (parameters and body) contains no function,
    /// class or call `eval(...)`, so no closure (and no direct eval) can keep its
    /// environments past a call. `false` until the scope annotation has looked.
    pub closure_free: bool,
    /// Functions only: a call of the function can take the plain call path of [[Call]]
    /// (`ecmascript_function_objects::plain_call`; docs/ARCHITECTURE.md, "Calls"): a
    /// Normal function, arrow, method, getter or setter, neither a generator nor async,
    /// `closure_free`, with no `arguments` reference and no direct eval, a simple parameter
    /// list without duplicates, vars none of which is a parameter, no lexical declaration
    /// (so no function declaration either), and fewer than 16 bindings (parameters and
    /// vars; an arrow with none takes `arrow_binds_nothing`'s localEnv, F.[[Environment]]).
    /// `false` until the scope annotation has looked.
    pub plain_call: bool,
}

/// An ImportEntry Record (ECMA-262 16.2.2, Table 54 "ImportEntry Record Fields", with the
/// source phase imports proposal's ~source~ import name).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportEntry {
    /// [[ModuleRequest]]: the index in [`ModuleInfo::requests`] of the ModuleRequest Record
    /// that is equal (ModuleRequestsEqual, same [[Phase]]) to the one the declaration made.
    pub module_request: usize,
    /// [[ImportName]].
    pub import_name: ImportName,
    /// [[LocalName]].
    pub local_name: String,
    /// Where the binding is imported: the import specifier, or the default / namespace /
    /// source binding identifier (for diagnostics; not part of the record).
    pub span: Span,
}

/// The [[ImportName]] of an ImportEntry Record.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportName {
    /// The name of a binding exported by the requested module (`"default"` for a default
    /// import).
    Name(JsString),
    /// ~namespace-object~: `import * as ns` (and `import defer * as ns`).
    NamespaceObject,
    /// ~source~: `import source x from` (source-phase-imports).
    Source,
}

/// An ExportEntry Record (ECMA-262 16.2.3, Table 56 "ExportEntry Record Fields", with the
/// source phase imports proposal's ~source~ import name).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportEntry {
    /// [[ExportName]]: *null* for `export * from`.
    pub export_name: Option<JsString>,
    /// [[ModuleRequest]]: an index in [`ModuleInfo::requests`], *null* for a local export.
    pub module_request: Option<usize>,
    /// [[ImportName]]: *null* for a local export.
    pub import_name: Option<ExportImportName>,
    /// [[LocalName]]: *null* for an indirect or star export.
    pub local_name: Option<String>,
    /// Where the export is written: the export specifier, the exported binding identifier,
    /// or the whole `export default` / `export *` declaration (for diagnostics; not part of
    /// the record).
    pub span: Span,
}

/// The [[ImportName]] of an ExportEntry Record.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportImportName {
    Name(JsString),
    /// ~all~: `export * as ns from`, or the re-export of an imported namespace.
    All,
    /// ~all-but-default~: `export * from`.
    AllButDefault,
    /// ~source~: the re-export of an `import source x` binding (source-phase-imports,
    /// ParseModule step 10).
    Source,
}

/// A ModuleRequest Record (ECMA-262 16.2.1.3, with the [[Phase]] field of the source phase
/// imports and import defer proposals).
#[derive(Clone, Debug, PartialEq)]
pub struct ModuleRequest {
    /// [[Specifier]].
    pub specifier: JsString,
    /// [[Attributes]]: ImportAttribute Records as (key, value), sorted by key in UTF-16 code
    /// unit order as WithClauseToAttributes sorts them; keys are unique (early error).
    pub attributes: Vec<(JsString, JsString)>,
    /// [[Phase]]: ~evaluation~, ~source~ or ~defer~.
    pub phase: ImportPhase,
}

/// Module-level static semantics (ECMA-262 16.2.1.7.1 ParseModule, the fields of the
/// Source Text Module Record it derives from the parse, and the proposals): computed by
/// `static_semantics::module::module_info`.
#[derive(Clone, Debug, Default)]
pub struct ModuleInfo {
    /// [[RequestedModules]]: ModuleRequests of the body, in source order, without two
    /// records that are ModuleRequestsEqual and have the same [[Phase]].
    pub requests: Vec<ModuleRequest>,
    /// [[ImportEntries]]: ImportEntries of the body, in source order.
    pub import_entries: Vec<ImportEntry>,
    /// [[LocalExportEntries]].
    pub local_export_entries: Vec<ExportEntry>,
    /// [[IndirectExportEntries]] (including re-exports of imported bindings).
    pub indirect_export_entries: Vec<ExportEntry>,
    /// [[StarExportEntries]].
    pub star_export_entries: Vec<ExportEntry>,
    /// [[HasTLA]]: the body Contains `await` (an AwaitExpression, `for await`, `await using`)
    /// outside any function; class heritages and computed keys count, method bodies, field
    /// initializers and static blocks do not.
    pub has_top_level_await: bool,
    /// The module's code contains `import.meta` anywhere, nested functions included.
    pub uses_import_meta: bool,
    /// The module's code contains an ImportCall (`import()`, `import.source()`,
    /// `import.defer()`) anywhere, nested functions and classes included.
    pub uses_dynamic_import: bool,
}
