/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.Alarm;
import io.lockstep.model.Datacenter;
import io.lockstep.model.Datastore;
import io.lockstep.model.Event;
import io.lockstep.model.FtPair;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.Task;
import io.lockstep.model.VirtualMachine;

import java.util.Collection;

import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Datacenter</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getHosts <em>Hosts</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getDatastores <em>Datastores</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getVms <em>Vms</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getFtPairs <em>Ft Pairs</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getTasks <em>Tasks</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getEvents <em>Events</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatacenterImpl#getAlarms <em>Alarms</em>}</li>
 * </ul>
 *
 * @generated
 */
public class DatacenterImpl extends NamedImpl implements Datacenter {
	/**
	 * The cached value of the '{@link #getHosts() <em>Hosts</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHosts()
	 * @generated
	 * @ordered
	 */
	protected EList<Host> hosts;

	/**
	 * The cached value of the '{@link #getDatastores() <em>Datastores</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDatastores()
	 * @generated
	 * @ordered
	 */
	protected EList<Datastore> datastores;

	/**
	 * The cached value of the '{@link #getVms() <em>Vms</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVms()
	 * @generated
	 * @ordered
	 */
	protected EList<VirtualMachine> vms;

	/**
	 * The cached value of the '{@link #getFtPairs() <em>Ft Pairs</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFtPairs()
	 * @generated
	 * @ordered
	 */
	protected EList<FtPair> ftPairs;

	/**
	 * The cached value of the '{@link #getTasks() <em>Tasks</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTasks()
	 * @generated
	 * @ordered
	 */
	protected EList<Task> tasks;

	/**
	 * The cached value of the '{@link #getEvents() <em>Events</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEvents()
	 * @generated
	 * @ordered
	 */
	protected EList<Event> events;

	/**
	 * The cached value of the '{@link #getAlarms() <em>Alarms</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAlarms()
	 * @generated
	 * @ordered
	 */
	protected EList<Alarm> alarms;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected DatacenterImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.DATACENTER;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Host> getHosts() {
		if (hosts == null) {
			hosts = new EObjectContainmentEList<Host>(Host.class, this, LockstepPackage.DATACENTER__HOSTS);
		}
		return hosts;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Datastore> getDatastores() {
		if (datastores == null) {
			datastores = new EObjectContainmentEList<Datastore>(Datastore.class, this, LockstepPackage.DATACENTER__DATASTORES);
		}
		return datastores;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<VirtualMachine> getVms() {
		if (vms == null) {
			vms = new EObjectContainmentEList<VirtualMachine>(VirtualMachine.class, this, LockstepPackage.DATACENTER__VMS);
		}
		return vms;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<FtPair> getFtPairs() {
		if (ftPairs == null) {
			ftPairs = new EObjectContainmentEList<FtPair>(FtPair.class, this, LockstepPackage.DATACENTER__FT_PAIRS);
		}
		return ftPairs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Task> getTasks() {
		if (tasks == null) {
			tasks = new EObjectContainmentEList<Task>(Task.class, this, LockstepPackage.DATACENTER__TASKS);
		}
		return tasks;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Event> getEvents() {
		if (events == null) {
			events = new EObjectContainmentEList<Event>(Event.class, this, LockstepPackage.DATACENTER__EVENTS);
		}
		return events;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Alarm> getAlarms() {
		if (alarms == null) {
			alarms = new EObjectContainmentEList<Alarm>(Alarm.class, this, LockstepPackage.DATACENTER__ALARMS);
		}
		return alarms;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.DATACENTER__HOSTS:
				return ((InternalEList<?>)getHosts()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__DATASTORES:
				return ((InternalEList<?>)getDatastores()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__VMS:
				return ((InternalEList<?>)getVms()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__FT_PAIRS:
				return ((InternalEList<?>)getFtPairs()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__TASKS:
				return ((InternalEList<?>)getTasks()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__EVENTS:
				return ((InternalEList<?>)getEvents()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATACENTER__ALARMS:
				return ((InternalEList<?>)getAlarms()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.DATACENTER__HOSTS:
				return getHosts();
			case LockstepPackage.DATACENTER__DATASTORES:
				return getDatastores();
			case LockstepPackage.DATACENTER__VMS:
				return getVms();
			case LockstepPackage.DATACENTER__FT_PAIRS:
				return getFtPairs();
			case LockstepPackage.DATACENTER__TASKS:
				return getTasks();
			case LockstepPackage.DATACENTER__EVENTS:
				return getEvents();
			case LockstepPackage.DATACENTER__ALARMS:
				return getAlarms();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.DATACENTER__HOSTS:
				getHosts().clear();
				getHosts().addAll((Collection<? extends Host>)newValue);
				return;
			case LockstepPackage.DATACENTER__DATASTORES:
				getDatastores().clear();
				getDatastores().addAll((Collection<? extends Datastore>)newValue);
				return;
			case LockstepPackage.DATACENTER__VMS:
				getVms().clear();
				getVms().addAll((Collection<? extends VirtualMachine>)newValue);
				return;
			case LockstepPackage.DATACENTER__FT_PAIRS:
				getFtPairs().clear();
				getFtPairs().addAll((Collection<? extends FtPair>)newValue);
				return;
			case LockstepPackage.DATACENTER__TASKS:
				getTasks().clear();
				getTasks().addAll((Collection<? extends Task>)newValue);
				return;
			case LockstepPackage.DATACENTER__EVENTS:
				getEvents().clear();
				getEvents().addAll((Collection<? extends Event>)newValue);
				return;
			case LockstepPackage.DATACENTER__ALARMS:
				getAlarms().clear();
				getAlarms().addAll((Collection<? extends Alarm>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.DATACENTER__HOSTS:
				getHosts().clear();
				return;
			case LockstepPackage.DATACENTER__DATASTORES:
				getDatastores().clear();
				return;
			case LockstepPackage.DATACENTER__VMS:
				getVms().clear();
				return;
			case LockstepPackage.DATACENTER__FT_PAIRS:
				getFtPairs().clear();
				return;
			case LockstepPackage.DATACENTER__TASKS:
				getTasks().clear();
				return;
			case LockstepPackage.DATACENTER__EVENTS:
				getEvents().clear();
				return;
			case LockstepPackage.DATACENTER__ALARMS:
				getAlarms().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.DATACENTER__HOSTS:
				return hosts != null && !hosts.isEmpty();
			case LockstepPackage.DATACENTER__DATASTORES:
				return datastores != null && !datastores.isEmpty();
			case LockstepPackage.DATACENTER__VMS:
				return vms != null && !vms.isEmpty();
			case LockstepPackage.DATACENTER__FT_PAIRS:
				return ftPairs != null && !ftPairs.isEmpty();
			case LockstepPackage.DATACENTER__TASKS:
				return tasks != null && !tasks.isEmpty();
			case LockstepPackage.DATACENTER__EVENTS:
				return events != null && !events.isEmpty();
			case LockstepPackage.DATACENTER__ALARMS:
				return alarms != null && !alarms.isEmpty();
		}
		return super.eIsSet(featureID);
	}

} //DatacenterImpl
