/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * The datacenter as Lockstep sees it: hosts that share datastores, the virtual disks on them, the VMs that run on the hosts, FT pairs, the locks, registrations and reservations on the shared medium, checkpoints, tasks, events and alarms.
 * <!-- end-model-doc -->
 * @see io.lockstep.model.LockstepFactory
 * @model kind="package"
 * @generated
 */
public interface LockstepPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "model";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://lockstep.io/model/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "lockstep";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	LockstepPackage eINSTANCE = io.lockstep.model.impl.LockstepPackageImpl.init();

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.NamedImpl <em>Named</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.NamedImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getNamed()
	 * @generated
	 */
	int NAMED = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED__NAME = 0;

	/**
	 * The number of structural features of the '<em>Named</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED_FEATURE_COUNT = 1;

	/**
	 * The number of operations of the '<em>Named</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NAMED_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.DatacenterImpl <em>Datacenter</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.DatacenterImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getDatacenter()
	 * @generated
	 */
	int DATACENTER = 1;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Hosts</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__HOSTS = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Datastores</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__DATASTORES = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Vms</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__VMS = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Ft Pairs</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__FT_PAIRS = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Tasks</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__TASKS = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Events</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__EVENTS = NAMED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Alarms</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER__ALARMS = NAMED_FEATURE_COUNT + 6;

	/**
	 * The number of structural features of the '<em>Datacenter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER_FEATURE_COUNT = NAMED_FEATURE_COUNT + 7;

	/**
	 * The number of operations of the '<em>Datacenter</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATACENTER_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.HostImpl <em>Host</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.HostImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getHost()
	 * @generated
	 */
	int HOST = 2;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Address</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__ADDRESS = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Cpus</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__CPUS = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Memory Mi B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__MEMORY_MI_B = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Connection State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__CONNECTION_STATE = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Heartbeat Slot</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__HEARTBEAT_SLOT = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Datastores</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__DATASTORES = NAMED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Vms</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__VMS = NAMED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Committed Memory Mi B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST__COMMITTED_MEMORY_MI_B = NAMED_FEATURE_COUNT + 7;

	/**
	 * The number of structural features of the '<em>Host</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST_FEATURE_COUNT = NAMED_FEATURE_COUNT + 8;

	/**
	 * The number of operations of the '<em>Host</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int HOST_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.DatastoreImpl <em>Datastore</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.DatastoreImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getDatastore()
	 * @generated
	 */
	int DATASTORE = 3;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Medium Uri</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__MEDIUM_URI = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Capacity Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__CAPACITY_BYTES = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Sector Size</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__SECTOR_SIZE = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Hosts</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__HOSTS = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Disks</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__DISKS = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Leases</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__LEASES = NAMED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Registrations</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__REGISTRATIONS = NAMED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Reservation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE__RESERVATION = NAMED_FEATURE_COUNT + 7;

	/**
	 * The number of structural features of the '<em>Datastore</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE_FEATURE_COUNT = NAMED_FEATURE_COUNT + 8;

	/**
	 * The number of operations of the '<em>Datastore</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int DATASTORE_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.VirtualDiskImpl <em>Virtual Disk</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.VirtualDiskImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getVirtualDisk()
	 * @generated
	 */
	int VIRTUAL_DISK = 4;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__FILE = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Capacity Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__CAPACITY_BYTES = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Format</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__FORMAT = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Datastore</b></em>' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__DATASTORE = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Parent</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__PARENT = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Children</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__CHILDREN = NAMED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Registrations</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__REGISTRATIONS = NAMED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Reservation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK__RESERVATION = NAMED_FEATURE_COUNT + 7;

	/**
	 * The number of structural features of the '<em>Virtual Disk</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK_FEATURE_COUNT = NAMED_FEATURE_COUNT + 8;

	/**
	 * The number of operations of the '<em>Virtual Disk</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_DISK_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.VirtualMachineImpl <em>Virtual Machine</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.VirtualMachineImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getVirtualMachine()
	 * @generated
	 */
	int VIRTUAL_MACHINE = 5;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Vcpus</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__VCPUS = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Memory Mi B</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__MEMORY_MI_B = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Guest</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__GUEST = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>Disks</b></em>' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__DISKS = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Nics</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__NICS = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>San Identity</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__SAN_IDENTITY = NAMED_FEATURE_COUNT + 5;

	/**
	 * The feature id for the '<em><b>Power State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__POWER_STATE = NAMED_FEATURE_COUNT + 6;

	/**
	 * The feature id for the '<em><b>Current Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__CURRENT_HOST = NAMED_FEATURE_COUNT + 7;

	/**
	 * The feature id for the '<em><b>Checkpoints</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE__CHECKPOINTS = NAMED_FEATURE_COUNT + 8;

	/**
	 * The number of structural features of the '<em>Virtual Machine</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE_FEATURE_COUNT = NAMED_FEATURE_COUNT + 9;

	/**
	 * The number of operations of the '<em>Virtual Machine</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VIRTUAL_MACHINE_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.NicImpl <em>Nic</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.NicImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getNic()
	 * @generated
	 */
	int NIC = 6;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NIC__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Mac</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NIC__MAC = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Port</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NIC__PORT = NAMED_FEATURE_COUNT + 1;

	/**
	 * The number of structural features of the '<em>Nic</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NIC_FEATURE_COUNT = NAMED_FEATURE_COUNT + 2;

	/**
	 * The number of operations of the '<em>Nic</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int NIC_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.SanIdentityImpl <em>San Identity</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.SanIdentityImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getSanIdentity()
	 * @generated
	 */
	int SAN_IDENTITY = 7;

	/**
	 * The feature id for the '<em><b>Wwpn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SAN_IDENTITY__WWPN = 0;

	/**
	 * The feature id for the '<em><b>Wwnn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SAN_IDENTITY__WWNN = 1;

	/**
	 * The feature id for the '<em><b>Iqn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SAN_IDENTITY__IQN = 2;

	/**
	 * The number of structural features of the '<em>San Identity</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SAN_IDENTITY_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>San Identity</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int SAN_IDENTITY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.FtPairImpl <em>Ft Pair</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.FtPairImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtPair()
	 * @generated
	 */
	int FT_PAIR = 8;

	/**
	 * The feature id for the '<em><b>Primary</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__PRIMARY = 0;

	/**
	 * The feature id for the '<em><b>Primary Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__PRIMARY_HOST = 1;

	/**
	 * The feature id for the '<em><b>Backup Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__BACKUP_HOST = 2;

	/**
	 * The feature id for the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__MODE = 3;

	/**
	 * The feature id for the '<em><b>Epoch Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__EPOCH_MILLIS = 4;

	/**
	 * The feature id for the '<em><b>Target Lag Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__TARGET_LAG_MILLIS = 5;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__STATE = 6;

	/**
	 * The feature id for the '<em><b>Statistics</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR__STATISTICS = 7;

	/**
	 * The number of structural features of the '<em>Ft Pair</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR_FEATURE_COUNT = 8;

	/**
	 * The number of operations of the '<em>Ft Pair</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_PAIR_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.FtStatisticsImpl <em>Ft Statistics</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.FtStatisticsImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtStatistics()
	 * @generated
	 */
	int FT_STATISTICS = 9;

	/**
	 * The feature id for the '<em><b>Epoch Rate</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__EPOCH_RATE = 0;

	/**
	 * The feature id for the '<em><b>Pause P50 Micros</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__PAUSE_P50_MICROS = 1;

	/**
	 * The feature id for the '<em><b>Pause P99 Micros</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__PAUSE_P99_MICROS = 2;

	/**
	 * The feature id for the '<em><b>Bytes Sent</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__BYTES_SENT = 3;

	/**
	 * The feature id for the '<em><b>Lag Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__LAG_MILLIS = 4;

	/**
	 * The feature id for the '<em><b>Cpu Share</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS__CPU_SHARE = 5;

	/**
	 * The number of structural features of the '<em>Ft Statistics</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Ft Statistics</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FT_STATISTICS_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.LeaseImpl <em>Lease</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.LeaseImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getLease()
	 * @generated
	 */
	int LEASE = 10;

	/**
	 * The feature id for the '<em><b>Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__ENTITY = 0;

	/**
	 * The feature id for the '<em><b>Owner</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__OWNER = 1;

	/**
	 * The feature id for the '<em><b>Mode</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__MODE = 2;

	/**
	 * The feature id for the '<em><b>Generation</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__GENERATION = 3;

	/**
	 * The feature id for the '<em><b>Acquired At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__ACQUIRED_AT = 4;

	/**
	 * The feature id for the '<em><b>Heartbeat Age Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__HEARTBEAT_AGE_MILLIS = 5;

	/**
	 * The feature id for the '<em><b>Owner Live</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE__OWNER_LIVE = 6;

	/**
	 * The number of structural features of the '<em>Lease</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE_FEATURE_COUNT = 7;

	/**
	 * The number of operations of the '<em>Lease</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int LEASE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.RegistrationImpl <em>Registration</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.RegistrationImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getRegistration()
	 * @generated
	 */
	int REGISTRATION = 11;

	/**
	 * The feature id for the '<em><b>Initiator</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGISTRATION__INITIATOR = 0;

	/**
	 * The feature id for the '<em><b>Key</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGISTRATION__KEY = 1;

	/**
	 * The feature id for the '<em><b>Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGISTRATION__HOST = 2;

	/**
	 * The number of structural features of the '<em>Registration</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGISTRATION_FEATURE_COUNT = 3;

	/**
	 * The number of operations of the '<em>Registration</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int REGISTRATION_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.ReservationImpl <em>Reservation</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.ReservationImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getReservation()
	 * @generated
	 */
	int RESERVATION = 12;

	/**
	 * The feature id for the '<em><b>Holder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESERVATION__HOLDER = 0;

	/**
	 * The feature id for the '<em><b>Type</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESERVATION__TYPE = 1;

	/**
	 * The number of structural features of the '<em>Reservation</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESERVATION_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Reservation</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int RESERVATION_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.CheckpointImpl <em>Checkpoint</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.CheckpointImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getCheckpoint()
	 * @generated
	 */
	int CHECKPOINT = 13;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__NAME = NAMED__NAME;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__ID = NAMED_FEATURE_COUNT + 0;

	/**
	 * The feature id for the '<em><b>Time</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__TIME = NAMED_FEATURE_COUNT + 1;

	/**
	 * The feature id for the '<em><b>Size Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__SIZE_BYTES = NAMED_FEATURE_COUNT + 2;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__STATE = NAMED_FEATURE_COUNT + 3;

	/**
	 * The feature id for the '<em><b>Progress</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__PROGRESS = NAMED_FEATURE_COUNT + 4;

	/**
	 * The feature id for the '<em><b>Parent</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT__PARENT = NAMED_FEATURE_COUNT + 5;

	/**
	 * The number of structural features of the '<em>Checkpoint</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT_FEATURE_COUNT = NAMED_FEATURE_COUNT + 6;

	/**
	 * The number of operations of the '<em>Checkpoint</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int CHECKPOINT_OPERATION_COUNT = NAMED_OPERATION_COUNT + 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.TaskImpl <em>Task</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.TaskImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getTask()
	 * @generated
	 */
	int TASK = 14;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__ID = 0;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__KIND = 1;

	/**
	 * The feature id for the '<em><b>Subject</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__SUBJECT = 2;

	/**
	 * The feature id for the '<em><b>State</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__STATE = 3;

	/**
	 * The feature id for the '<em><b>Progress</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__PROGRESS = 4;

	/**
	 * The feature id for the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__MESSAGE = 5;

	/**
	 * The feature id for the '<em><b>Cancellable</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK__CANCELLABLE = 6;

	/**
	 * The number of structural features of the '<em>Task</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK_FEATURE_COUNT = 7;

	/**
	 * The number of operations of the '<em>Task</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TASK_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.EventImpl <em>Event</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.EventImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getEvent()
	 * @generated
	 */
	int EVENT = 15;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT__ID = 0;

	/**
	 * The feature id for the '<em><b>Time</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT__TIME = 1;

	/**
	 * The feature id for the '<em><b>Type</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT__TYPE = 2;

	/**
	 * The feature id for the '<em><b>Subject</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT__SUBJECT = 3;

	/**
	 * The feature id for the '<em><b>Message</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT__MESSAGE = 4;

	/**
	 * The number of structural features of the '<em>Event</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT_FEATURE_COUNT = 5;

	/**
	 * The number of operations of the '<em>Event</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int EVENT_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.impl.AlarmImpl <em>Alarm</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.impl.AlarmImpl
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getAlarm()
	 * @generated
	 */
	int ALARM = 16;

	/**
	 * The feature id for the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__ID = 0;

	/**
	 * The feature id for the '<em><b>Severity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__SEVERITY = 1;

	/**
	 * The feature id for the '<em><b>Subject</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__SUBJECT = 2;

	/**
	 * The feature id for the '<em><b>Text</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__TEXT = 3;

	/**
	 * The feature id for the '<em><b>Active</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__ACTIVE = 4;

	/**
	 * The feature id for the '<em><b>Acknowledged</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM__ACKNOWLEDGED = 5;

	/**
	 * The number of structural features of the '<em>Alarm</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM_FEATURE_COUNT = 6;

	/**
	 * The number of operations of the '<em>Alarm</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ALARM_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.lockstep.model.ConnectionState <em>Connection State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.ConnectionState
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getConnectionState()
	 * @generated
	 */
	int CONNECTION_STATE = 17;

	/**
	 * The meta object id for the '{@link io.lockstep.model.DiskFormat <em>Disk Format</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.DiskFormat
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getDiskFormat()
	 * @generated
	 */
	int DISK_FORMAT = 18;

	/**
	 * The meta object id for the '{@link io.lockstep.model.PowerState <em>Power State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.PowerState
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getPowerState()
	 * @generated
	 */
	int POWER_STATE = 19;

	/**
	 * The meta object id for the '{@link io.lockstep.model.FtMode <em>Ft Mode</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.FtMode
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtMode()
	 * @generated
	 */
	int FT_MODE = 20;

	/**
	 * The meta object id for the '{@link io.lockstep.model.FtState <em>Ft State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.FtState
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtState()
	 * @generated
	 */
	int FT_STATE = 21;

	/**
	 * The meta object id for the '{@link io.lockstep.model.LockMode <em>Lock Mode</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.LockMode
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getLockMode()
	 * @generated
	 */
	int LOCK_MODE = 22;

	/**
	 * The meta object id for the '{@link io.lockstep.model.ReservationType <em>Reservation Type</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.ReservationType
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getReservationType()
	 * @generated
	 */
	int RESERVATION_TYPE = 23;

	/**
	 * The meta object id for the '{@link io.lockstep.model.CheckpointState <em>Checkpoint State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.CheckpointState
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getCheckpointState()
	 * @generated
	 */
	int CHECKPOINT_STATE = 24;

	/**
	 * The meta object id for the '{@link io.lockstep.model.TaskState <em>Task State</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.TaskState
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getTaskState()
	 * @generated
	 */
	int TASK_STATE = 25;

	/**
	 * The meta object id for the '{@link io.lockstep.model.Severity <em>Severity</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.lockstep.model.Severity
	 * @see io.lockstep.model.impl.LockstepPackageImpl#getSeverity()
	 * @generated
	 */
	int SEVERITY = 26;


	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Named <em>Named</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Named</em>'.
	 * @see io.lockstep.model.Named
	 * @generated
	 */
	EClass getNamed();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Named#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.lockstep.model.Named#getName()
	 * @see #getNamed()
	 * @generated
	 */
	EAttribute getNamed_Name();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Datacenter <em>Datacenter</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Datacenter</em>'.
	 * @see io.lockstep.model.Datacenter
	 * @generated
	 */
	EClass getDatacenter();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getHosts <em>Hosts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Hosts</em>'.
	 * @see io.lockstep.model.Datacenter#getHosts()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Hosts();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getDatastores <em>Datastores</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Datastores</em>'.
	 * @see io.lockstep.model.Datacenter#getDatastores()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Datastores();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getVms <em>Vms</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Vms</em>'.
	 * @see io.lockstep.model.Datacenter#getVms()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Vms();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getFtPairs <em>Ft Pairs</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Ft Pairs</em>'.
	 * @see io.lockstep.model.Datacenter#getFtPairs()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_FtPairs();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getTasks <em>Tasks</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Tasks</em>'.
	 * @see io.lockstep.model.Datacenter#getTasks()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Tasks();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getEvents <em>Events</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Events</em>'.
	 * @see io.lockstep.model.Datacenter#getEvents()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Events();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datacenter#getAlarms <em>Alarms</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Alarms</em>'.
	 * @see io.lockstep.model.Datacenter#getAlarms()
	 * @see #getDatacenter()
	 * @generated
	 */
	EReference getDatacenter_Alarms();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Host <em>Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Host</em>'.
	 * @see io.lockstep.model.Host
	 * @generated
	 */
	EClass getHost();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getAddress <em>Address</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Address</em>'.
	 * @see io.lockstep.model.Host#getAddress()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_Address();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getCpus <em>Cpus</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Cpus</em>'.
	 * @see io.lockstep.model.Host#getCpus()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_Cpus();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getMemoryMiB <em>Memory Mi B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Memory Mi B</em>'.
	 * @see io.lockstep.model.Host#getMemoryMiB()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_MemoryMiB();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getConnectionState <em>Connection State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Connection State</em>'.
	 * @see io.lockstep.model.Host#getConnectionState()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_ConnectionState();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getHeartbeatSlot <em>Heartbeat Slot</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Heartbeat Slot</em>'.
	 * @see io.lockstep.model.Host#getHeartbeatSlot()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_HeartbeatSlot();

	/**
	 * Returns the meta object for the reference list '{@link io.lockstep.model.Host#getDatastores <em>Datastores</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Datastores</em>'.
	 * @see io.lockstep.model.Host#getDatastores()
	 * @see #getHost()
	 * @generated
	 */
	EReference getHost_Datastores();

	/**
	 * Returns the meta object for the reference list '{@link io.lockstep.model.Host#getVms <em>Vms</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Vms</em>'.
	 * @see io.lockstep.model.Host#getVms()
	 * @see #getHost()
	 * @generated
	 */
	EReference getHost_Vms();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Host#getCommittedMemoryMiB <em>Committed Memory Mi B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Committed Memory Mi B</em>'.
	 * @see io.lockstep.model.Host#getCommittedMemoryMiB()
	 * @see #getHost()
	 * @generated
	 */
	EAttribute getHost_CommittedMemoryMiB();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Datastore <em>Datastore</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Datastore</em>'.
	 * @see io.lockstep.model.Datastore
	 * @generated
	 */
	EClass getDatastore();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Datastore#getMediumUri <em>Medium Uri</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Medium Uri</em>'.
	 * @see io.lockstep.model.Datastore#getMediumUri()
	 * @see #getDatastore()
	 * @generated
	 */
	EAttribute getDatastore_MediumUri();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Datastore#getCapacityBytes <em>Capacity Bytes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Capacity Bytes</em>'.
	 * @see io.lockstep.model.Datastore#getCapacityBytes()
	 * @see #getDatastore()
	 * @generated
	 */
	EAttribute getDatastore_CapacityBytes();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Datastore#getSectorSize <em>Sector Size</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sector Size</em>'.
	 * @see io.lockstep.model.Datastore#getSectorSize()
	 * @see #getDatastore()
	 * @generated
	 */
	EAttribute getDatastore_SectorSize();

	/**
	 * Returns the meta object for the reference list '{@link io.lockstep.model.Datastore#getHosts <em>Hosts</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Hosts</em>'.
	 * @see io.lockstep.model.Datastore#getHosts()
	 * @see #getDatastore()
	 * @generated
	 */
	EReference getDatastore_Hosts();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datastore#getDisks <em>Disks</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Disks</em>'.
	 * @see io.lockstep.model.Datastore#getDisks()
	 * @see #getDatastore()
	 * @generated
	 */
	EReference getDatastore_Disks();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datastore#getLeases <em>Leases</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Leases</em>'.
	 * @see io.lockstep.model.Datastore#getLeases()
	 * @see #getDatastore()
	 * @generated
	 */
	EReference getDatastore_Leases();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.Datastore#getRegistrations <em>Registrations</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Registrations</em>'.
	 * @see io.lockstep.model.Datastore#getRegistrations()
	 * @see #getDatastore()
	 * @generated
	 */
	EReference getDatastore_Registrations();

	/**
	 * Returns the meta object for the containment reference '{@link io.lockstep.model.Datastore#getReservation <em>Reservation</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Reservation</em>'.
	 * @see io.lockstep.model.Datastore#getReservation()
	 * @see #getDatastore()
	 * @generated
	 */
	EReference getDatastore_Reservation();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.VirtualDisk <em>Virtual Disk</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Virtual Disk</em>'.
	 * @see io.lockstep.model.VirtualDisk
	 * @generated
	 */
	EClass getVirtualDisk();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualDisk#getFile <em>File</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>File</em>'.
	 * @see io.lockstep.model.VirtualDisk#getFile()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EAttribute getVirtualDisk_File();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualDisk#getCapacityBytes <em>Capacity Bytes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Capacity Bytes</em>'.
	 * @see io.lockstep.model.VirtualDisk#getCapacityBytes()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EAttribute getVirtualDisk_CapacityBytes();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualDisk#getFormat <em>Format</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Format</em>'.
	 * @see io.lockstep.model.VirtualDisk#getFormat()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EAttribute getVirtualDisk_Format();

	/**
	 * Returns the meta object for the container reference '{@link io.lockstep.model.VirtualDisk#getDatastore <em>Datastore</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the container reference '<em>Datastore</em>'.
	 * @see io.lockstep.model.VirtualDisk#getDatastore()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EReference getVirtualDisk_Datastore();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.VirtualDisk#getParent <em>Parent</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Parent</em>'.
	 * @see io.lockstep.model.VirtualDisk#getParent()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EReference getVirtualDisk_Parent();

	/**
	 * Returns the meta object for the reference list '{@link io.lockstep.model.VirtualDisk#getChildren <em>Children</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Children</em>'.
	 * @see io.lockstep.model.VirtualDisk#getChildren()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EReference getVirtualDisk_Children();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.VirtualDisk#getRegistrations <em>Registrations</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Registrations</em>'.
	 * @see io.lockstep.model.VirtualDisk#getRegistrations()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EReference getVirtualDisk_Registrations();

	/**
	 * Returns the meta object for the containment reference '{@link io.lockstep.model.VirtualDisk#getReservation <em>Reservation</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Reservation</em>'.
	 * @see io.lockstep.model.VirtualDisk#getReservation()
	 * @see #getVirtualDisk()
	 * @generated
	 */
	EReference getVirtualDisk_Reservation();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.VirtualMachine <em>Virtual Machine</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Virtual Machine</em>'.
	 * @see io.lockstep.model.VirtualMachine
	 * @generated
	 */
	EClass getVirtualMachine();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualMachine#getVcpus <em>Vcpus</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Vcpus</em>'.
	 * @see io.lockstep.model.VirtualMachine#getVcpus()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EAttribute getVirtualMachine_Vcpus();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualMachine#getMemoryMiB <em>Memory Mi B</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Memory Mi B</em>'.
	 * @see io.lockstep.model.VirtualMachine#getMemoryMiB()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EAttribute getVirtualMachine_MemoryMiB();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualMachine#getGuest <em>Guest</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Guest</em>'.
	 * @see io.lockstep.model.VirtualMachine#getGuest()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EAttribute getVirtualMachine_Guest();

	/**
	 * Returns the meta object for the reference list '{@link io.lockstep.model.VirtualMachine#getDisks <em>Disks</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference list '<em>Disks</em>'.
	 * @see io.lockstep.model.VirtualMachine#getDisks()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EReference getVirtualMachine_Disks();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.VirtualMachine#getNics <em>Nics</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Nics</em>'.
	 * @see io.lockstep.model.VirtualMachine#getNics()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EReference getVirtualMachine_Nics();

	/**
	 * Returns the meta object for the containment reference '{@link io.lockstep.model.VirtualMachine#getSanIdentity <em>San Identity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>San Identity</em>'.
	 * @see io.lockstep.model.VirtualMachine#getSanIdentity()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EReference getVirtualMachine_SanIdentity();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.VirtualMachine#getPowerState <em>Power State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Power State</em>'.
	 * @see io.lockstep.model.VirtualMachine#getPowerState()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EAttribute getVirtualMachine_PowerState();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.VirtualMachine#getCurrentHost <em>Current Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Current Host</em>'.
	 * @see io.lockstep.model.VirtualMachine#getCurrentHost()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EReference getVirtualMachine_CurrentHost();

	/**
	 * Returns the meta object for the containment reference list '{@link io.lockstep.model.VirtualMachine#getCheckpoints <em>Checkpoints</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Checkpoints</em>'.
	 * @see io.lockstep.model.VirtualMachine#getCheckpoints()
	 * @see #getVirtualMachine()
	 * @generated
	 */
	EReference getVirtualMachine_Checkpoints();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Nic <em>Nic</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Nic</em>'.
	 * @see io.lockstep.model.Nic
	 * @generated
	 */
	EClass getNic();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Nic#getMac <em>Mac</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mac</em>'.
	 * @see io.lockstep.model.Nic#getMac()
	 * @see #getNic()
	 * @generated
	 */
	EAttribute getNic_Mac();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Nic#getPort <em>Port</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Port</em>'.
	 * @see io.lockstep.model.Nic#getPort()
	 * @see #getNic()
	 * @generated
	 */
	EAttribute getNic_Port();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.SanIdentity <em>San Identity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>San Identity</em>'.
	 * @see io.lockstep.model.SanIdentity
	 * @generated
	 */
	EClass getSanIdentity();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.SanIdentity#getWwpn <em>Wwpn</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Wwpn</em>'.
	 * @see io.lockstep.model.SanIdentity#getWwpn()
	 * @see #getSanIdentity()
	 * @generated
	 */
	EAttribute getSanIdentity_Wwpn();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.SanIdentity#getWwnn <em>Wwnn</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Wwnn</em>'.
	 * @see io.lockstep.model.SanIdentity#getWwnn()
	 * @see #getSanIdentity()
	 * @generated
	 */
	EAttribute getSanIdentity_Wwnn();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.SanIdentity#getIqn <em>Iqn</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Iqn</em>'.
	 * @see io.lockstep.model.SanIdentity#getIqn()
	 * @see #getSanIdentity()
	 * @generated
	 */
	EAttribute getSanIdentity_Iqn();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.FtPair <em>Ft Pair</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Ft Pair</em>'.
	 * @see io.lockstep.model.FtPair
	 * @generated
	 */
	EClass getFtPair();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.FtPair#getPrimary <em>Primary</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Primary</em>'.
	 * @see io.lockstep.model.FtPair#getPrimary()
	 * @see #getFtPair()
	 * @generated
	 */
	EReference getFtPair_Primary();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.FtPair#getPrimaryHost <em>Primary Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Primary Host</em>'.
	 * @see io.lockstep.model.FtPair#getPrimaryHost()
	 * @see #getFtPair()
	 * @generated
	 */
	EReference getFtPair_PrimaryHost();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.FtPair#getBackupHost <em>Backup Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Backup Host</em>'.
	 * @see io.lockstep.model.FtPair#getBackupHost()
	 * @see #getFtPair()
	 * @generated
	 */
	EReference getFtPair_BackupHost();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtPair#getMode <em>Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mode</em>'.
	 * @see io.lockstep.model.FtPair#getMode()
	 * @see #getFtPair()
	 * @generated
	 */
	EAttribute getFtPair_Mode();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtPair#getEpochMillis <em>Epoch Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Epoch Millis</em>'.
	 * @see io.lockstep.model.FtPair#getEpochMillis()
	 * @see #getFtPair()
	 * @generated
	 */
	EAttribute getFtPair_EpochMillis();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtPair#getTargetLagMillis <em>Target Lag Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Target Lag Millis</em>'.
	 * @see io.lockstep.model.FtPair#getTargetLagMillis()
	 * @see #getFtPair()
	 * @generated
	 */
	EAttribute getFtPair_TargetLagMillis();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtPair#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see io.lockstep.model.FtPair#getState()
	 * @see #getFtPair()
	 * @generated
	 */
	EAttribute getFtPair_State();

	/**
	 * Returns the meta object for the containment reference '{@link io.lockstep.model.FtPair#getStatistics <em>Statistics</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference '<em>Statistics</em>'.
	 * @see io.lockstep.model.FtPair#getStatistics()
	 * @see #getFtPair()
	 * @generated
	 */
	EReference getFtPair_Statistics();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.FtStatistics <em>Ft Statistics</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Ft Statistics</em>'.
	 * @see io.lockstep.model.FtStatistics
	 * @generated
	 */
	EClass getFtStatistics();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getEpochRate <em>Epoch Rate</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Epoch Rate</em>'.
	 * @see io.lockstep.model.FtStatistics#getEpochRate()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_EpochRate();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getPauseP50Micros <em>Pause P50 Micros</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pause P50 Micros</em>'.
	 * @see io.lockstep.model.FtStatistics#getPauseP50Micros()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_PauseP50Micros();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getPauseP99Micros <em>Pause P99 Micros</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Pause P99 Micros</em>'.
	 * @see io.lockstep.model.FtStatistics#getPauseP99Micros()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_PauseP99Micros();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getBytesSent <em>Bytes Sent</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Bytes Sent</em>'.
	 * @see io.lockstep.model.FtStatistics#getBytesSent()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_BytesSent();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getLagMillis <em>Lag Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Lag Millis</em>'.
	 * @see io.lockstep.model.FtStatistics#getLagMillis()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_LagMillis();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.FtStatistics#getCpuShare <em>Cpu Share</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Cpu Share</em>'.
	 * @see io.lockstep.model.FtStatistics#getCpuShare()
	 * @see #getFtStatistics()
	 * @generated
	 */
	EAttribute getFtStatistics_CpuShare();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Lease <em>Lease</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Lease</em>'.
	 * @see io.lockstep.model.Lease
	 * @generated
	 */
	EClass getLease();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#getEntity <em>Entity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Entity</em>'.
	 * @see io.lockstep.model.Lease#getEntity()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_Entity();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.Lease#getOwner <em>Owner</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Owner</em>'.
	 * @see io.lockstep.model.Lease#getOwner()
	 * @see #getLease()
	 * @generated
	 */
	EReference getLease_Owner();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#getMode <em>Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Mode</em>'.
	 * @see io.lockstep.model.Lease#getMode()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_Mode();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#getGeneration <em>Generation</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Generation</em>'.
	 * @see io.lockstep.model.Lease#getGeneration()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_Generation();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#getAcquiredAt <em>Acquired At</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Acquired At</em>'.
	 * @see io.lockstep.model.Lease#getAcquiredAt()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_AcquiredAt();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#getHeartbeatAgeMillis <em>Heartbeat Age Millis</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Heartbeat Age Millis</em>'.
	 * @see io.lockstep.model.Lease#getHeartbeatAgeMillis()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_HeartbeatAgeMillis();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Lease#isOwnerLive <em>Owner Live</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Owner Live</em>'.
	 * @see io.lockstep.model.Lease#isOwnerLive()
	 * @see #getLease()
	 * @generated
	 */
	EAttribute getLease_OwnerLive();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Registration <em>Registration</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Registration</em>'.
	 * @see io.lockstep.model.Registration
	 * @generated
	 */
	EClass getRegistration();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Registration#getInitiator <em>Initiator</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Initiator</em>'.
	 * @see io.lockstep.model.Registration#getInitiator()
	 * @see #getRegistration()
	 * @generated
	 */
	EAttribute getRegistration_Initiator();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Registration#getKey <em>Key</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Key</em>'.
	 * @see io.lockstep.model.Registration#getKey()
	 * @see #getRegistration()
	 * @generated
	 */
	EAttribute getRegistration_Key();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.Registration#getHost <em>Host</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Host</em>'.
	 * @see io.lockstep.model.Registration#getHost()
	 * @see #getRegistration()
	 * @generated
	 */
	EReference getRegistration_Host();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Reservation <em>Reservation</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Reservation</em>'.
	 * @see io.lockstep.model.Reservation
	 * @generated
	 */
	EClass getReservation();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Reservation#getHolder <em>Holder</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Holder</em>'.
	 * @see io.lockstep.model.Reservation#getHolder()
	 * @see #getReservation()
	 * @generated
	 */
	EAttribute getReservation_Holder();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Reservation#getType <em>Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Type</em>'.
	 * @see io.lockstep.model.Reservation#getType()
	 * @see #getReservation()
	 * @generated
	 */
	EAttribute getReservation_Type();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Checkpoint <em>Checkpoint</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Checkpoint</em>'.
	 * @see io.lockstep.model.Checkpoint
	 * @generated
	 */
	EClass getCheckpoint();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Checkpoint#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see io.lockstep.model.Checkpoint#getId()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EAttribute getCheckpoint_Id();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Checkpoint#getTime <em>Time</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Time</em>'.
	 * @see io.lockstep.model.Checkpoint#getTime()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EAttribute getCheckpoint_Time();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Checkpoint#getSizeBytes <em>Size Bytes</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Size Bytes</em>'.
	 * @see io.lockstep.model.Checkpoint#getSizeBytes()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EAttribute getCheckpoint_SizeBytes();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Checkpoint#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see io.lockstep.model.Checkpoint#getState()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EAttribute getCheckpoint_State();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Checkpoint#getProgress <em>Progress</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Progress</em>'.
	 * @see io.lockstep.model.Checkpoint#getProgress()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EAttribute getCheckpoint_Progress();

	/**
	 * Returns the meta object for the reference '{@link io.lockstep.model.Checkpoint#getParent <em>Parent</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the reference '<em>Parent</em>'.
	 * @see io.lockstep.model.Checkpoint#getParent()
	 * @see #getCheckpoint()
	 * @generated
	 */
	EReference getCheckpoint_Parent();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Task <em>Task</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Task</em>'.
	 * @see io.lockstep.model.Task
	 * @generated
	 */
	EClass getTask();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see io.lockstep.model.Task#getId()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Id();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see io.lockstep.model.Task#getKind()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Kind();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getSubject <em>Subject</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Subject</em>'.
	 * @see io.lockstep.model.Task#getSubject()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Subject();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getState <em>State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>State</em>'.
	 * @see io.lockstep.model.Task#getState()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_State();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getProgress <em>Progress</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Progress</em>'.
	 * @see io.lockstep.model.Task#getProgress()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Progress();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#getMessage <em>Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Message</em>'.
	 * @see io.lockstep.model.Task#getMessage()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Message();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Task#isCancellable <em>Cancellable</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Cancellable</em>'.
	 * @see io.lockstep.model.Task#isCancellable()
	 * @see #getTask()
	 * @generated
	 */
	EAttribute getTask_Cancellable();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Event <em>Event</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Event</em>'.
	 * @see io.lockstep.model.Event
	 * @generated
	 */
	EClass getEvent();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Event#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see io.lockstep.model.Event#getId()
	 * @see #getEvent()
	 * @generated
	 */
	EAttribute getEvent_Id();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Event#getTime <em>Time</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Time</em>'.
	 * @see io.lockstep.model.Event#getTime()
	 * @see #getEvent()
	 * @generated
	 */
	EAttribute getEvent_Time();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Event#getType <em>Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Type</em>'.
	 * @see io.lockstep.model.Event#getType()
	 * @see #getEvent()
	 * @generated
	 */
	EAttribute getEvent_Type();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Event#getSubject <em>Subject</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Subject</em>'.
	 * @see io.lockstep.model.Event#getSubject()
	 * @see #getEvent()
	 * @generated
	 */
	EAttribute getEvent_Subject();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Event#getMessage <em>Message</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Message</em>'.
	 * @see io.lockstep.model.Event#getMessage()
	 * @see #getEvent()
	 * @generated
	 */
	EAttribute getEvent_Message();

	/**
	 * Returns the meta object for class '{@link io.lockstep.model.Alarm <em>Alarm</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Alarm</em>'.
	 * @see io.lockstep.model.Alarm
	 * @generated
	 */
	EClass getAlarm();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#getId <em>Id</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Id</em>'.
	 * @see io.lockstep.model.Alarm#getId()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Id();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#getSeverity <em>Severity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Severity</em>'.
	 * @see io.lockstep.model.Alarm#getSeverity()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Severity();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#getSubject <em>Subject</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Subject</em>'.
	 * @see io.lockstep.model.Alarm#getSubject()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Subject();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#getText <em>Text</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Text</em>'.
	 * @see io.lockstep.model.Alarm#getText()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Text();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#isActive <em>Active</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Active</em>'.
	 * @see io.lockstep.model.Alarm#isActive()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Active();

	/**
	 * Returns the meta object for the attribute '{@link io.lockstep.model.Alarm#isAcknowledged <em>Acknowledged</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Acknowledged</em>'.
	 * @see io.lockstep.model.Alarm#isAcknowledged()
	 * @see #getAlarm()
	 * @generated
	 */
	EAttribute getAlarm_Acknowledged();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.ConnectionState <em>Connection State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Connection State</em>'.
	 * @see io.lockstep.model.ConnectionState
	 * @generated
	 */
	EEnum getConnectionState();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.DiskFormat <em>Disk Format</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Disk Format</em>'.
	 * @see io.lockstep.model.DiskFormat
	 * @generated
	 */
	EEnum getDiskFormat();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.PowerState <em>Power State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Power State</em>'.
	 * @see io.lockstep.model.PowerState
	 * @generated
	 */
	EEnum getPowerState();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.FtMode <em>Ft Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Ft Mode</em>'.
	 * @see io.lockstep.model.FtMode
	 * @generated
	 */
	EEnum getFtMode();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.FtState <em>Ft State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Ft State</em>'.
	 * @see io.lockstep.model.FtState
	 * @generated
	 */
	EEnum getFtState();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.LockMode <em>Lock Mode</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Lock Mode</em>'.
	 * @see io.lockstep.model.LockMode
	 * @generated
	 */
	EEnum getLockMode();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.ReservationType <em>Reservation Type</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Reservation Type</em>'.
	 * @see io.lockstep.model.ReservationType
	 * @generated
	 */
	EEnum getReservationType();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.CheckpointState <em>Checkpoint State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Checkpoint State</em>'.
	 * @see io.lockstep.model.CheckpointState
	 * @generated
	 */
	EEnum getCheckpointState();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.TaskState <em>Task State</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Task State</em>'.
	 * @see io.lockstep.model.TaskState
	 * @generated
	 */
	EEnum getTaskState();

	/**
	 * Returns the meta object for enum '{@link io.lockstep.model.Severity <em>Severity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Severity</em>'.
	 * @see io.lockstep.model.Severity
	 * @generated
	 */
	EEnum getSeverity();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	LockstepFactory getLockstepFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.NamedImpl <em>Named</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.NamedImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getNamed()
		 * @generated
		 */
		EClass NAMED = eINSTANCE.getNamed();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NAMED__NAME = eINSTANCE.getNamed_Name();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.DatacenterImpl <em>Datacenter</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.DatacenterImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getDatacenter()
		 * @generated
		 */
		EClass DATACENTER = eINSTANCE.getDatacenter();

		/**
		 * The meta object literal for the '<em><b>Hosts</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__HOSTS = eINSTANCE.getDatacenter_Hosts();

		/**
		 * The meta object literal for the '<em><b>Datastores</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__DATASTORES = eINSTANCE.getDatacenter_Datastores();

		/**
		 * The meta object literal for the '<em><b>Vms</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__VMS = eINSTANCE.getDatacenter_Vms();

		/**
		 * The meta object literal for the '<em><b>Ft Pairs</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__FT_PAIRS = eINSTANCE.getDatacenter_FtPairs();

		/**
		 * The meta object literal for the '<em><b>Tasks</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__TASKS = eINSTANCE.getDatacenter_Tasks();

		/**
		 * The meta object literal for the '<em><b>Events</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__EVENTS = eINSTANCE.getDatacenter_Events();

		/**
		 * The meta object literal for the '<em><b>Alarms</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATACENTER__ALARMS = eINSTANCE.getDatacenter_Alarms();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.HostImpl <em>Host</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.HostImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getHost()
		 * @generated
		 */
		EClass HOST = eINSTANCE.getHost();

		/**
		 * The meta object literal for the '<em><b>Address</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__ADDRESS = eINSTANCE.getHost_Address();

		/**
		 * The meta object literal for the '<em><b>Cpus</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__CPUS = eINSTANCE.getHost_Cpus();

		/**
		 * The meta object literal for the '<em><b>Memory Mi B</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__MEMORY_MI_B = eINSTANCE.getHost_MemoryMiB();

		/**
		 * The meta object literal for the '<em><b>Connection State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__CONNECTION_STATE = eINSTANCE.getHost_ConnectionState();

		/**
		 * The meta object literal for the '<em><b>Heartbeat Slot</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__HEARTBEAT_SLOT = eINSTANCE.getHost_HeartbeatSlot();

		/**
		 * The meta object literal for the '<em><b>Datastores</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference HOST__DATASTORES = eINSTANCE.getHost_Datastores();

		/**
		 * The meta object literal for the '<em><b>Vms</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference HOST__VMS = eINSTANCE.getHost_Vms();

		/**
		 * The meta object literal for the '<em><b>Committed Memory Mi B</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute HOST__COMMITTED_MEMORY_MI_B = eINSTANCE.getHost_CommittedMemoryMiB();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.DatastoreImpl <em>Datastore</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.DatastoreImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getDatastore()
		 * @generated
		 */
		EClass DATASTORE = eINSTANCE.getDatastore();

		/**
		 * The meta object literal for the '<em><b>Medium Uri</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DATASTORE__MEDIUM_URI = eINSTANCE.getDatastore_MediumUri();

		/**
		 * The meta object literal for the '<em><b>Capacity Bytes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DATASTORE__CAPACITY_BYTES = eINSTANCE.getDatastore_CapacityBytes();

		/**
		 * The meta object literal for the '<em><b>Sector Size</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute DATASTORE__SECTOR_SIZE = eINSTANCE.getDatastore_SectorSize();

		/**
		 * The meta object literal for the '<em><b>Hosts</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASTORE__HOSTS = eINSTANCE.getDatastore_Hosts();

		/**
		 * The meta object literal for the '<em><b>Disks</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASTORE__DISKS = eINSTANCE.getDatastore_Disks();

		/**
		 * The meta object literal for the '<em><b>Leases</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASTORE__LEASES = eINSTANCE.getDatastore_Leases();

		/**
		 * The meta object literal for the '<em><b>Registrations</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASTORE__REGISTRATIONS = eINSTANCE.getDatastore_Registrations();

		/**
		 * The meta object literal for the '<em><b>Reservation</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference DATASTORE__RESERVATION = eINSTANCE.getDatastore_Reservation();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.VirtualDiskImpl <em>Virtual Disk</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.VirtualDiskImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getVirtualDisk()
		 * @generated
		 */
		EClass VIRTUAL_DISK = eINSTANCE.getVirtualDisk();

		/**
		 * The meta object literal for the '<em><b>File</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_DISK__FILE = eINSTANCE.getVirtualDisk_File();

		/**
		 * The meta object literal for the '<em><b>Capacity Bytes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_DISK__CAPACITY_BYTES = eINSTANCE.getVirtualDisk_CapacityBytes();

		/**
		 * The meta object literal for the '<em><b>Format</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_DISK__FORMAT = eINSTANCE.getVirtualDisk_Format();

		/**
		 * The meta object literal for the '<em><b>Datastore</b></em>' container reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_DISK__DATASTORE = eINSTANCE.getVirtualDisk_Datastore();

		/**
		 * The meta object literal for the '<em><b>Parent</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_DISK__PARENT = eINSTANCE.getVirtualDisk_Parent();

		/**
		 * The meta object literal for the '<em><b>Children</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_DISK__CHILDREN = eINSTANCE.getVirtualDisk_Children();

		/**
		 * The meta object literal for the '<em><b>Registrations</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_DISK__REGISTRATIONS = eINSTANCE.getVirtualDisk_Registrations();

		/**
		 * The meta object literal for the '<em><b>Reservation</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_DISK__RESERVATION = eINSTANCE.getVirtualDisk_Reservation();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.VirtualMachineImpl <em>Virtual Machine</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.VirtualMachineImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getVirtualMachine()
		 * @generated
		 */
		EClass VIRTUAL_MACHINE = eINSTANCE.getVirtualMachine();

		/**
		 * The meta object literal for the '<em><b>Vcpus</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_MACHINE__VCPUS = eINSTANCE.getVirtualMachine_Vcpus();

		/**
		 * The meta object literal for the '<em><b>Memory Mi B</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_MACHINE__MEMORY_MI_B = eINSTANCE.getVirtualMachine_MemoryMiB();

		/**
		 * The meta object literal for the '<em><b>Guest</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_MACHINE__GUEST = eINSTANCE.getVirtualMachine_Guest();

		/**
		 * The meta object literal for the '<em><b>Disks</b></em>' reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_MACHINE__DISKS = eINSTANCE.getVirtualMachine_Disks();

		/**
		 * The meta object literal for the '<em><b>Nics</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_MACHINE__NICS = eINSTANCE.getVirtualMachine_Nics();

		/**
		 * The meta object literal for the '<em><b>San Identity</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_MACHINE__SAN_IDENTITY = eINSTANCE.getVirtualMachine_SanIdentity();

		/**
		 * The meta object literal for the '<em><b>Power State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VIRTUAL_MACHINE__POWER_STATE = eINSTANCE.getVirtualMachine_PowerState();

		/**
		 * The meta object literal for the '<em><b>Current Host</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_MACHINE__CURRENT_HOST = eINSTANCE.getVirtualMachine_CurrentHost();

		/**
		 * The meta object literal for the '<em><b>Checkpoints</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference VIRTUAL_MACHINE__CHECKPOINTS = eINSTANCE.getVirtualMachine_Checkpoints();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.NicImpl <em>Nic</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.NicImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getNic()
		 * @generated
		 */
		EClass NIC = eINSTANCE.getNic();

		/**
		 * The meta object literal for the '<em><b>Mac</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NIC__MAC = eINSTANCE.getNic_Mac();

		/**
		 * The meta object literal for the '<em><b>Port</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute NIC__PORT = eINSTANCE.getNic_Port();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.SanIdentityImpl <em>San Identity</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.SanIdentityImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getSanIdentity()
		 * @generated
		 */
		EClass SAN_IDENTITY = eINSTANCE.getSanIdentity();

		/**
		 * The meta object literal for the '<em><b>Wwpn</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SAN_IDENTITY__WWPN = eINSTANCE.getSanIdentity_Wwpn();

		/**
		 * The meta object literal for the '<em><b>Wwnn</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SAN_IDENTITY__WWNN = eINSTANCE.getSanIdentity_Wwnn();

		/**
		 * The meta object literal for the '<em><b>Iqn</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute SAN_IDENTITY__IQN = eINSTANCE.getSanIdentity_Iqn();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.FtPairImpl <em>Ft Pair</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.FtPairImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtPair()
		 * @generated
		 */
		EClass FT_PAIR = eINSTANCE.getFtPair();

		/**
		 * The meta object literal for the '<em><b>Primary</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference FT_PAIR__PRIMARY = eINSTANCE.getFtPair_Primary();

		/**
		 * The meta object literal for the '<em><b>Primary Host</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference FT_PAIR__PRIMARY_HOST = eINSTANCE.getFtPair_PrimaryHost();

		/**
		 * The meta object literal for the '<em><b>Backup Host</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference FT_PAIR__BACKUP_HOST = eINSTANCE.getFtPair_BackupHost();

		/**
		 * The meta object literal for the '<em><b>Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_PAIR__MODE = eINSTANCE.getFtPair_Mode();

		/**
		 * The meta object literal for the '<em><b>Epoch Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_PAIR__EPOCH_MILLIS = eINSTANCE.getFtPair_EpochMillis();

		/**
		 * The meta object literal for the '<em><b>Target Lag Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_PAIR__TARGET_LAG_MILLIS = eINSTANCE.getFtPair_TargetLagMillis();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_PAIR__STATE = eINSTANCE.getFtPair_State();

		/**
		 * The meta object literal for the '<em><b>Statistics</b></em>' containment reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference FT_PAIR__STATISTICS = eINSTANCE.getFtPair_Statistics();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.FtStatisticsImpl <em>Ft Statistics</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.FtStatisticsImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtStatistics()
		 * @generated
		 */
		EClass FT_STATISTICS = eINSTANCE.getFtStatistics();

		/**
		 * The meta object literal for the '<em><b>Epoch Rate</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__EPOCH_RATE = eINSTANCE.getFtStatistics_EpochRate();

		/**
		 * The meta object literal for the '<em><b>Pause P50 Micros</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__PAUSE_P50_MICROS = eINSTANCE.getFtStatistics_PauseP50Micros();

		/**
		 * The meta object literal for the '<em><b>Pause P99 Micros</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__PAUSE_P99_MICROS = eINSTANCE.getFtStatistics_PauseP99Micros();

		/**
		 * The meta object literal for the '<em><b>Bytes Sent</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__BYTES_SENT = eINSTANCE.getFtStatistics_BytesSent();

		/**
		 * The meta object literal for the '<em><b>Lag Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__LAG_MILLIS = eINSTANCE.getFtStatistics_LagMillis();

		/**
		 * The meta object literal for the '<em><b>Cpu Share</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FT_STATISTICS__CPU_SHARE = eINSTANCE.getFtStatistics_CpuShare();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.LeaseImpl <em>Lease</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.LeaseImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getLease()
		 * @generated
		 */
		EClass LEASE = eINSTANCE.getLease();

		/**
		 * The meta object literal for the '<em><b>Entity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__ENTITY = eINSTANCE.getLease_Entity();

		/**
		 * The meta object literal for the '<em><b>Owner</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference LEASE__OWNER = eINSTANCE.getLease_Owner();

		/**
		 * The meta object literal for the '<em><b>Mode</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__MODE = eINSTANCE.getLease_Mode();

		/**
		 * The meta object literal for the '<em><b>Generation</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__GENERATION = eINSTANCE.getLease_Generation();

		/**
		 * The meta object literal for the '<em><b>Acquired At</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__ACQUIRED_AT = eINSTANCE.getLease_AcquiredAt();

		/**
		 * The meta object literal for the '<em><b>Heartbeat Age Millis</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__HEARTBEAT_AGE_MILLIS = eINSTANCE.getLease_HeartbeatAgeMillis();

		/**
		 * The meta object literal for the '<em><b>Owner Live</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute LEASE__OWNER_LIVE = eINSTANCE.getLease_OwnerLive();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.RegistrationImpl <em>Registration</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.RegistrationImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getRegistration()
		 * @generated
		 */
		EClass REGISTRATION = eINSTANCE.getRegistration();

		/**
		 * The meta object literal for the '<em><b>Initiator</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute REGISTRATION__INITIATOR = eINSTANCE.getRegistration_Initiator();

		/**
		 * The meta object literal for the '<em><b>Key</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute REGISTRATION__KEY = eINSTANCE.getRegistration_Key();

		/**
		 * The meta object literal for the '<em><b>Host</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference REGISTRATION__HOST = eINSTANCE.getRegistration_Host();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.ReservationImpl <em>Reservation</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.ReservationImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getReservation()
		 * @generated
		 */
		EClass RESERVATION = eINSTANCE.getReservation();

		/**
		 * The meta object literal for the '<em><b>Holder</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESERVATION__HOLDER = eINSTANCE.getReservation_Holder();

		/**
		 * The meta object literal for the '<em><b>Type</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute RESERVATION__TYPE = eINSTANCE.getReservation_Type();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.CheckpointImpl <em>Checkpoint</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.CheckpointImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getCheckpoint()
		 * @generated
		 */
		EClass CHECKPOINT = eINSTANCE.getCheckpoint();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHECKPOINT__ID = eINSTANCE.getCheckpoint_Id();

		/**
		 * The meta object literal for the '<em><b>Time</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHECKPOINT__TIME = eINSTANCE.getCheckpoint_Time();

		/**
		 * The meta object literal for the '<em><b>Size Bytes</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHECKPOINT__SIZE_BYTES = eINSTANCE.getCheckpoint_SizeBytes();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHECKPOINT__STATE = eINSTANCE.getCheckpoint_State();

		/**
		 * The meta object literal for the '<em><b>Progress</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute CHECKPOINT__PROGRESS = eINSTANCE.getCheckpoint_Progress();

		/**
		 * The meta object literal for the '<em><b>Parent</b></em>' reference feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference CHECKPOINT__PARENT = eINSTANCE.getCheckpoint_Parent();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.TaskImpl <em>Task</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.TaskImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getTask()
		 * @generated
		 */
		EClass TASK = eINSTANCE.getTask();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__ID = eINSTANCE.getTask_Id();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__KIND = eINSTANCE.getTask_Kind();

		/**
		 * The meta object literal for the '<em><b>Subject</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__SUBJECT = eINSTANCE.getTask_Subject();

		/**
		 * The meta object literal for the '<em><b>State</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__STATE = eINSTANCE.getTask_State();

		/**
		 * The meta object literal for the '<em><b>Progress</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__PROGRESS = eINSTANCE.getTask_Progress();

		/**
		 * The meta object literal for the '<em><b>Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__MESSAGE = eINSTANCE.getTask_Message();

		/**
		 * The meta object literal for the '<em><b>Cancellable</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TASK__CANCELLABLE = eINSTANCE.getTask_Cancellable();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.EventImpl <em>Event</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.EventImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getEvent()
		 * @generated
		 */
		EClass EVENT = eINSTANCE.getEvent();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVENT__ID = eINSTANCE.getEvent_Id();

		/**
		 * The meta object literal for the '<em><b>Time</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVENT__TIME = eINSTANCE.getEvent_Time();

		/**
		 * The meta object literal for the '<em><b>Type</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVENT__TYPE = eINSTANCE.getEvent_Type();

		/**
		 * The meta object literal for the '<em><b>Subject</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVENT__SUBJECT = eINSTANCE.getEvent_Subject();

		/**
		 * The meta object literal for the '<em><b>Message</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute EVENT__MESSAGE = eINSTANCE.getEvent_Message();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.impl.AlarmImpl <em>Alarm</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.impl.AlarmImpl
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getAlarm()
		 * @generated
		 */
		EClass ALARM = eINSTANCE.getAlarm();

		/**
		 * The meta object literal for the '<em><b>Id</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__ID = eINSTANCE.getAlarm_Id();

		/**
		 * The meta object literal for the '<em><b>Severity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__SEVERITY = eINSTANCE.getAlarm_Severity();

		/**
		 * The meta object literal for the '<em><b>Subject</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__SUBJECT = eINSTANCE.getAlarm_Subject();

		/**
		 * The meta object literal for the '<em><b>Text</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__TEXT = eINSTANCE.getAlarm_Text();

		/**
		 * The meta object literal for the '<em><b>Active</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__ACTIVE = eINSTANCE.getAlarm_Active();

		/**
		 * The meta object literal for the '<em><b>Acknowledged</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ALARM__ACKNOWLEDGED = eINSTANCE.getAlarm_Acknowledged();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.ConnectionState <em>Connection State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.ConnectionState
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getConnectionState()
		 * @generated
		 */
		EEnum CONNECTION_STATE = eINSTANCE.getConnectionState();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.DiskFormat <em>Disk Format</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.DiskFormat
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getDiskFormat()
		 * @generated
		 */
		EEnum DISK_FORMAT = eINSTANCE.getDiskFormat();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.PowerState <em>Power State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.PowerState
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getPowerState()
		 * @generated
		 */
		EEnum POWER_STATE = eINSTANCE.getPowerState();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.FtMode <em>Ft Mode</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.FtMode
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtMode()
		 * @generated
		 */
		EEnum FT_MODE = eINSTANCE.getFtMode();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.FtState <em>Ft State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.FtState
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getFtState()
		 * @generated
		 */
		EEnum FT_STATE = eINSTANCE.getFtState();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.LockMode <em>Lock Mode</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.LockMode
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getLockMode()
		 * @generated
		 */
		EEnum LOCK_MODE = eINSTANCE.getLockMode();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.ReservationType <em>Reservation Type</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.ReservationType
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getReservationType()
		 * @generated
		 */
		EEnum RESERVATION_TYPE = eINSTANCE.getReservationType();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.CheckpointState <em>Checkpoint State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.CheckpointState
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getCheckpointState()
		 * @generated
		 */
		EEnum CHECKPOINT_STATE = eINSTANCE.getCheckpointState();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.TaskState <em>Task State</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.TaskState
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getTaskState()
		 * @generated
		 */
		EEnum TASK_STATE = eINSTANCE.getTaskState();

		/**
		 * The meta object literal for the '{@link io.lockstep.model.Severity <em>Severity</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.lockstep.model.Severity
		 * @see io.lockstep.model.impl.LockstepPackageImpl#getSeverity()
		 * @generated
		 */
		EEnum SEVERITY = eINSTANCE.getSeverity();

	}

} //LockstepPackage
